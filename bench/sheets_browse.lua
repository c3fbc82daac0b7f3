-- wrk script: catalogue pages without words, cycling through 640 selections (two facets and a
-- page each), the way visitors browse by facets.
local first = { "themes=pair_aidance", "themes=aller_vers", "themes=coordination", "category=emerging",
  "category=re_emerging", "maturity=consolidated", "approach=collective", "publics=familles" }
local second = { "territory=dep-37", "territory=dep-29", "publics=jeunes", "maturity=trial",
  "approach=individual", "category=little_known", "themes=rencontre", "" }
local paths = {}
for _, a in ipairs(first) do
  for _, b in ipairs(second) do
    for page = 1, 10 do
      paths[#paths + 1] = "/sheets?" .. a .. "&" .. b .. "&page=" .. page
    end
  end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
