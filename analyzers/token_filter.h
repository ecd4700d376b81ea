// A stage that rewrites, adds or annotates tokens after tokenization.
#pragma once

#include <vector>

#include "analyzers/token.h"

namespace tinhgon {

// Filters work on the whole token list of one text so a stage that adds
// tokens (expansion) can insert them next to their source. Implementations
// are immutable after construction and safe to share between threads.
class TokenFilter {
 public:
  virtual ~TokenFilter() = default;
  virtual void Apply(std::vector<Token>* tokens) const = 0;
};

}  // namespace tinhgon
