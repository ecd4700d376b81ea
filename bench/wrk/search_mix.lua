-- wrk script: cycles through a query mix (one URL query string per line,
-- as bench/query_mix writes it), against tinhgon's /api/search, or with
-- "omega" after the mix file against Xapian Omega's CGI (the words only,
-- OR, 10 hits, as bench/query serves it).
--   wrk ... -s bench/wrk/search_mix.lua URL -- MIX_FILE [omega]
local targets = {}
local next_target = 1

local function target(line, engine)
  if engine ~= "omega" then
    return "/api/search?" .. line
  end
  local q = line:match("^q=([^&]*)") or line:match("&q=([^&]*)")
  return q and "/omega?DB=omega&DEFAULTOP=or&HITSPERPAGE=10&P=" .. q
end

function init(args)
  for line in io.lines(args[1]) do
    targets[#targets + 1] = target(line, args[2])
  end
  -- Threads start at different places so they do not ask in lockstep.
  next_target = (math.random(#targets) - 1) % #targets + 1
end

function request()
  local path = targets[next_target]
  next_target = next_target % #targets + 1
  return wrk.format("GET", path)
end
