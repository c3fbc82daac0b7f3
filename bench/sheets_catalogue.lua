-- wrk script: catalogue pages cycling through many selections (words, facets, pages), as a
-- crowd of different visitors would ask them.
local words = { "famille", "reseau", "logement", "pair+aidance", "aller+vers", "sante+mentale",
  "conferences+familiales", "coordination+parcours", "benevoles+quartier", "accueil+de+jour",
  "insertion", "mediation", "numerique", "parentalite", "hebergement", "" }
local facets = { "themes=pair_aidance", "category=emerging", "territory=dep-37", "maturity=consolidated",
  "publics=familles", "approach=collective", "themes=coordination", "" }
local paths = {}
for _, w in ipairs(words) do
  for _, f in ipairs(facets) do
    for page = 1, 3 do
      paths[#paths + 1] = "/sheets?q=" .. w .. "&" .. f .. "&page=" .. page
    end
  end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
