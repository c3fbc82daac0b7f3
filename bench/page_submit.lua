-- wrk: each request submits the first page (10 answers) of one of the benchmark's drafts,
-- in turn, as "save and continue later" (a full page save, answered with a redirect).
local drafts = tonumber(os.getenv("BENCH_DRAFTS") or "640")
-- Milliseconds each connection waits between its pages (a respondent reading the next page);
-- 0 measures saturation.
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
local counter = 0
local parts = { "csrf=benchcsrf", "step=later",
  "shown=q1_1,q1_2,q1_3,q1_4,q1_5,q1_6,q1_7,q1_8,q1_9,q1_10" }
table.insert(parts, "q-q1_1=c2"); table.insert(parts, "q-q1_2=c4"); table.insert(parts, "q-q1_3=c1")
table.insert(parts, "q-q1_4=c1"); table.insert(parts, "q-q1_4=c3"); table.insert(parts, "q-q1_5=c6")
table.insert(parts, "q-q1_6=42"); table.insert(parts, "q-q1_7=7"); table.insert(parts, "q-q1_8=yes")
table.insert(parts, "q-q1_9=atelier+parents")
table.insert(parts, "q-q1_10=Une+pratique+de+m%C3%A9diation+entre+pairs+dans+le+quartier")
local body = table.concat(parts, "&")
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "passerelle_csrf=benchcsrf" }
request = function()
  counter = counter + 1
  return wrk.format("POST", "/r/benchtoken" .. (counter % drafts) .. "/1", headers, body)
end

delay = function()
  return think
end
