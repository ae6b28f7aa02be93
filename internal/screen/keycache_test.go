package screen

import (
	"path/filepath"
	"testing"
)

// TestKeyCache checks that the scratch's direct-mapped key cache returns
// each key's own information, also when keys share a slot: the test sets
// have more than twice as many distinct keys as the cache has slots.
func TestKeyCache(t *testing.T) {
	sets, _ := filepath.Glob("testdata/*.jsonl")
	var keys []string
	seen := map[string]bool{}
	for _, path := range sets {
		for _, m := range readCorpus(t, path) {
			for _, tok := range analyze(m.Text).toks {
				if !seen[tok.key] {
					seen[tok.key] = true
					keys = append(keys, tok.key)
				}
			}
		}
	}
	if len(keys) < 2*len(keyCache{}) {
		t.Fatalf("only %d keys: too few to share slots", len(keys))
	}
	var kc keyCache
	for round := 0; round < 2; round++ {
		for _, k := range keys {
			ki := kc.info(k)
			if ki.key != k || ki.class != lx.info(k).class || len(ki.cands) != len(lx.info(k).cands) {
				t.Fatalf("key %q: got the information of %q", k, ki.key)
			}
		}
	}
}
