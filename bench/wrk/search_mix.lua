-- wrk script: cycles through a query mix (one URL query string per line,
-- as bench/query_mix writes it) against /api/search.
--   wrk ... -s bench/wrk/search_mix.lua URL -- MIX_FILE
local targets = {}
local next_target = 1

function init(args)
  for line in io.lines(args[1]) do
    targets[#targets + 1] = "/api/search?" .. line
  end
  -- Threads start at different places so they do not ask in lockstep.
  next_target = (math.random(#targets) - 1) % #targets + 1
end

function request()
  local target = targets[next_target]
  next_target = next_target % #targets + 1
  return wrk.format("GET", target)
end
