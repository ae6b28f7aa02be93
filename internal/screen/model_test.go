package screen

import (
	"bytes"
	"math"
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
	skipUnderRace(t)
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

// TestRepeatsCountOnce: every feature counts once in a text, short or
// long, so that repeating a word or a sentence adds nothing (a long
// newsletter sentence repeated 5,000 times summed « tous » and « jeudi »
// to a certain threat; the send benchmark's bag of school words with
// « vendredi » five times was held), and padding a threat with repeated
// filler does not dilute it either.
func TestRepeatsCountOnce(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	e := New(DefaultConfig())
	strongest := func(f Features) float64 {
		p := 0.0
		for _, x := range m.Probs(&f) {
			p = max(p, x)
		}
		return p
	}
	for _, c := range []struct {
		name, once, repeated string
		eps                  float64
	}{
		// Sentences apart, the repeated text has exactly the features
		// of the single one.
		{"a word repeated in short sentences", "Rappel : exposé vendredi. Vendredi !",
			"Rappel : exposé vendredi. Vendredi ! Vendredi ! Vendredi ! Vendredi !", 1e-9},
		{"a long sentence repeated", "Bonjour à tous, la sortie est jeudi.",
			strings.Repeat("Bonjour à tous, la sortie est jeudi. ", 5000), 1e-9},
		// In one sentence, the repeats only add their pairs.
		{"the send benchmark's bag", "exposé vendredi parents exercice lundi sciences géométrie fractions demain lundi journée",
			"exposé vendredi vendredi parents exercice vendredi lundi sciences vendredi géométrie fractions demain lundi journée vendredi", tfEps},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := TextFeatures(c.repeated)
			seen := map[uint32]bool{}
			for _, ix := range f.Idx {
				if seen[ix] {
					t.Fatalf("feature %d counted twice", ix)
				}
				seen[ix] = true
			}
			p1, pn := strongest(TextFeatures(c.once)), strongest(f)
			if math.Abs(pn-p1) > c.eps {
				t.Errorf("p %.4f repeated, %.4f once", pn, p1)
			}
			if r := e.Check(Input{Text: c.repeated}); r.Verdict != Deliver {
				t.Errorf("%s %.2f %v (p %.3f)", r.Verdict, r.Score, r.Reasons, pn)
			}
		})
	}
	threat := "je vais venir au collège demain avec un couteau et vous planter tous"
	for _, filler := range []string{"merci ", "bonne journée ", "vendredi parents "} {
		if r := e.Check(Input{Text: threat + " " + strings.Repeat(filler, 40)}); r.Verdict == Deliver {
			t.Errorf("the threat padded with %q ×40 delivered (%.2f)", filler, r.Score)
		}
	}
}

// tfEps bounds the difference the repeated words' pairs (« vendredi
// vendredi », « exercice vendredi »…) make to the bag: about 0.06 once
// each feature counts once; counting every occurrence, the bag reached
// p 0.82 against 0.50 (the model of 4 December).
const tfEps = 0.1
