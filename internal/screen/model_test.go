package screen

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/bouclier/bouclier"
)

// The embedded model is the one its card describes (cmd/screentrain writes
// both).
func TestEmbeddedModelMatchesCard(t *testing.T) {
	card, err := os.ReadFile("../../docs/screen/MODEL_CARD.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("model-sha256: `([0-9a-f]{64})`").FindSubmatch(card)
	if m == nil {
		t.Fatal("MODEL_CARD.md has no model-sha256 line")
	}
	if got := EmbeddedModelSHA256(); got != string(m[1]) {
		t.Fatalf("embedded model %s, card says %s: retrain with go run ./cmd/screentrain", got, m[1])
	}
	mod, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(mod.Meta.Heads, ",") != strings.Join(ModelHeads, ",") {
		t.Fatalf("heads %v, want %v", mod.Meta.Heads, ModelHeads)
	}
	// A threshold above 1 means the model holds nothing on that line
	// (the calibration found no room in the benign budget).
	if h := mod.Meta.HoldAt; h < 0.5 || mod.Meta.Student < 0.5 || mod.Meta.Student > h {
		t.Fatalf("thresholds %v / %v", h, mod.Meta.Student)
	}
	if fp := FeatureFingerprint(); mod.Meta.Features != fp {
		t.Fatalf("the features changed since the model was trained (%s, now %s): retrain with go run ./cmd/screentrain", mod.Meta.Features, fp)
	}
	if !strings.Contains(string(card), mod.Meta.DataHash) {
		t.Fatalf("card does not name the training data %s", mod.Meta.DataHash)
	}
}

// Marshal is deterministic: loading the embedded model and writing it
// again gives the same bytes.
func TestModelRoundTrip(t *testing.T) {
	m, err := LoadModel(modelBlob)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, modelBlob) {
		t.Fatal("Marshal(LoadModel(x)) != x")
	}
	if _, err := LoadModel([]byte("not a model")); err == nil {
		t.Fatal("garbage loaded")
	}
}

// A broken model fails closed: every message is held.
func TestBrokenModelHolds(t *testing.T) {
	e := New(DefaultConfig())
	e.model, e.modelErr = nil, os.ErrInvalid
	r := e.Check(Input{Text: "Bonjour, la réunion est à 18h."})
	if r.Verdict == Deliver {
		t.Fatalf("delivered without a model: %+v", r)
	}
}

// Features carry names for the explanation, and the model's reasons come
// from the strongest contributions.
func TestFeaturesAndContributions(t *testing.T) {
	f := TextFeatures("Je vais te tuer demain à la sortie du collège")
	if len(f.Idx) == 0 || len(f.Idx) != len(f.Val) || len(f.Idx) != len(f.Names) {
		t.Fatalf("features %d/%d/%d", len(f.Idx), len(f.Val), len(f.Names))
	}
	has := func(name string) bool {
		for _, n := range f.Names {
			if n == name {
				return true
			}
		}
		return false
	}
	for _, want := range []string{"acte\u00a0: tuer + 1re personne + futur", "acte + cible 2e personne", "lemme «\u00a0aller\u00a0»", "mot «\u00a0demain\u00a0»"} {
		if !has(want) {
			t.Errorf("no feature %q in %v", want, f.Names)
		}
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	cs := m.Contributions(&f, 2)
	if len(cs) == 0 || cs[0].Value < cs[len(cs)-1].Value {
		t.Fatalf("contributions not sorted: %v", cs)
	}
}

// Students may get a stricter line: the model's student threshold is at
// most the adult one.
func TestStudentLine(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	e := New(DefaultConfig())
	fv := &featureVec{}
	analyzeText("jvais te démonter à la sortie", fv, func(*featureVec) {})
	adult, _, _ := e.modelFinding(Input{}, fv)
	student, _, _ := e.modelFinding(Input{SenderRole: bouclier.RoleStudent}, fv)
	if m.Meta.Student < m.Meta.HoldAt && student.score < adult.score {
		t.Fatalf("student line laxer than the adult one: %v < %v", student.score, adult.score)
	}
}

// A message's features do not depend on what was analysed before it (the
// pooled buffers, the per-key cache, the chat rewrite's token buffer):
// otherwise retraining would not be byte-identical. Forward, backward and
// concurrent orders give the same features.
func TestFeaturesIndependentOfOrder(t *testing.T) {
	var texts []string
	for _, m := range readCorpus(t, "testdata/dev.jsonl") {
		texts = append(texts, m.Text)
	}
	texts = append(texts, "jvais te niquer tes mort 2main", "g cache un truc a lecole", "kil vienne, on t'attend")
	want := make([]Features, len(texts))
	for i, s := range texts {
		want[i] = TextFeatures(s)
	}
	for i := len(texts) - 1; i >= 0; i-- {
		if got := TextFeatures(texts[i]); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("%q: features differ when analysed after another message", texts[i])
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(texts))
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := range texts {
				k := (i*7 + w) % len(texts)
				if got := TextFeatures(texts[k]); !reflect.DeepEqual(got, want[k]) {
					errs <- texts[k]
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: features differ under concurrent analysis", s)
	}
}

// TestLongTextRepeatsCapped: a sentence repeated thousands of times counts
// its features a few times, not thousands (which summed the weights of
// « tous » and « jeudi » to a certain threat); a short text keeps every
// occurrence.
func TestLongTextRepeatsCapped(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	short := TextFeatures("Bonjour à tous, la sortie est jeudi. Bonjour à tous, la sortie est jeudi.")
	longText := strings.Repeat("Bonjour à tous, la sortie est jeudi. ", 5000)
	long := TextFeatures(longText)
	count := func(f Features) map[uint32]int {
		c := map[uint32]int{}
		for _, ix := range f.Idx {
			c[ix]++
		}
		return c
	}
	if c := count(short); len(short.Idx) <= len(c) {
		t.Fatalf("the short text repeats nothing (%d features, %d distinct): the test proves nothing", len(short.Idx), len(c))
	}
	for ix, n := range count(long) {
		if n > maxRepeats {
			t.Fatalf("feature %d counted %d times in the long text", ix, n)
		}
	}
	if r := New(DefaultConfig()).Check(Input{Text: longText}); r.Verdict != Deliver {
		t.Errorf("a repeated benign sentence: %s %.2f %v (probabilities %v)", r.Verdict, r.Score, r.Reasons, m.Probs(&long))
	}
}
