-- wrk script: the query mix of bench/query_mix sent to Xapian Omega's CGI
-- (the words only, OR, 10 hits), as search_mix.lua sends it to tinhgon.
--   wrk ... -s bench/wrk/omega_mix.lua URL -- MIX_FILE
local targets = {}
local next_target = 1

function init(args)
  for line in io.lines(args[1]) do
    local q = line:match("^q=([^&]*)") or line:match("&q=([^&]*)")
    if q then
      targets[#targets + 1] = "/omega?DB=omega&DEFAULTOP=or&HITSPERPAGE=10&P=" .. q
    end
  end
  next_target = (math.random(#targets) - 1) % #targets + 1
end

function request()
  local target = targets[next_target]
  next_target = next_target % #targets + 1
  return wrk.format("GET", target)
end
