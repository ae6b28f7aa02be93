package screen

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/bouclier/bouclier"
)

// The learned layer: one logistic regression per harmful label over the
// clause frames, the lexicon detectors' scores, the links' risk and hashed
// word, word-pair and lemma features. cmd/screentrain trains it
// deterministically and writes data/model.bin.gz; docs/screen/MODEL_CARD.md
// records its data, hash and cross-validation figures.

// ModelBits is the number of bits of the hashed feature space.
const ModelBits = 18

const modelSize = 1 << ModelBits

// Model heads, in the order of Model.Heads.
var ModelHeads = []string{"threat", "terror_apology", "violent", "phishing"}

// headDetector maps a head to the detector name its reasons use.
var headReason = map[string]string{"threat": "threat", "terror_apology": "terror_apology", "violent": "violence", "phishing": "phishing"}

// ModelMeta is the model's header.
type ModelMeta struct {
	Version  int       `json:"version"`
	Bits     int       `json:"bits"`
	Heads    []string  `json:"heads"`
	Bias     []float64 `json:"bias"`
	Scale    []float64 `json:"scale"` // weight = int16 × scale, per head
	HoldAt   float64   `json:"hold_at"`
	Student  float64   `json:"student_hold_at"`
	Trainer  string    `json:"trainer"`
	Seed     uint64    `json:"seed"`
	DataHash string    `json:"data_sha256"`
}

// Model is a trained text model.
type Model struct {
	Meta ModelMeta
	W    [][]float32 // per head, modelSize weights
}

// Features is a sparse feature vector: hashed indexes and values, and when
// asked for, the feature names (for --explain).
type Features struct {
	Idx   []uint32
	Val   []float32
	Names []string
}

//go:embed data/model.bin.gz
var modelBlob []byte

var (
	defaultModelOnce sync.Once
	defaultModel     *Model
	defaultModelErr  error
)

// DefaultModel returns the embedded model; an error means the binary was
// built with a broken model file.
func DefaultModel() (*Model, error) {
	defaultModelOnce.Do(func() {
		if len(modelBlob) == 0 {
			defaultModelErr = errors.New("no model embedded")
			return
		}
		defaultModel, defaultModelErr = LoadModel(modelBlob)
	})
	return defaultModel, defaultModelErr
}

// EmbeddedModelSHA256 is the hex SHA-256 of the embedded model file.
func EmbeddedModelSHA256() string {
	s := sha256.Sum256(modelBlob)
	return hex.EncodeToString(s[:])
}

// Marshal encodes the model: gzip of a JSON header line and the int16
// weights, little-endian. Same model, same bytes.
func (m *Model) Marshal() ([]byte, error) {
	meta := m.Meta
	meta.Scale = make([]float64, len(m.W))
	var body bytes.Buffer
	for h, w := range m.W {
		mx := 0.0
		for _, x := range w {
			mx = math.Max(mx, math.Abs(float64(x)))
		}
		sc := mx / 32767
		if sc == 0 {
			sc = 1
		}
		meta.Scale[h] = sc
		q := make([]byte, 2*len(w))
		for i, x := range w {
			binary.LittleEndian.PutUint16(q[2*i:], uint16(int16(math.Round(float64(x)/sc))))
		}
		body.Write(q)
	}
	head, err := json.Marshal(meta)
	if err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(head)
	zw.Write([]byte{'\n'})
	zw.Write(body.Bytes())
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	return out.Bytes(), nil
}

// LoadModel decodes a model written by Marshal.
func LoadModel(b []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	br := bufio.NewReader(zr)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	m := &Model{}
	if err := json.Unmarshal(line, &m.Meta); err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	if m.Meta.Bits != ModelBits || len(m.Meta.Heads) == 0 || len(m.Meta.Bias) != len(m.Meta.Heads) || len(m.Meta.Scale) != len(m.Meta.Heads) {
		return nil, fmt.Errorf("model header: unsupported layout (bits %d, %d heads)", m.Meta.Bits, len(m.Meta.Heads))
	}
	buf := make([]byte, 2*modelSize)
	for h := range m.Meta.Heads {
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, fmt.Errorf("model weights of %s: %w", m.Meta.Heads[h], err)
		}
		w := make([]float32, modelSize)
		for i := range w {
			w[i] = float32(float64(int16(binary.LittleEndian.Uint16(buf[2*i:]))) * m.Meta.Scale[h])
		}
		m.W = append(m.W, w)
	}
	return m, nil
}

// Probs returns the probability of each head for a feature vector.
func (m *Model) Probs(f *Features) []float64 {
	out := make([]float64, len(m.W))
	for h, w := range m.W {
		z := m.Meta.Bias[h]
		for i, ix := range f.Idx {
			z += float64(w[ix]) * float64(f.Val[i])
		}
		out[h] = 1 / (1 + math.Exp(-z))
	}
	return out
}

// Contribution is one feature's share of a head's log-odds.
type Contribution struct {
	Feature string
	Value   float64
}

// Contributions returns the features of f by decreasing contribution to
// head h (weight × value); the names come from f.Names.
func (m *Model) Contributions(f *Features, h int) []Contribution {
	agg := map[string]float64{}
	for i, ix := range f.Idx {
		name := strconv.Itoa(int(ix))
		if i < len(f.Names) {
			name = f.Names[i]
		}
		agg[name] += float64(m.W[h][ix]) * float64(f.Val[i])
	}
	out := make([]Contribution, 0, len(agg))
	for k, v := range agg {
		out = append(out, Contribution{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].Feature < out[j].Feature
	})
	return out
}

// TextFeatures returns the model's features of a message text (the subject
// and text joined as Check joins them), with their names.
func TextFeatures(text string) Features {
	fv := featureVec{names: true}
	analyzeText(text, &fv)
	fv.links(text)
	return Features{Idx: fv.idx, Val: fv.val, Names: fv.nameList}
}

// featureVec collects the learned model's features of one message.
type featureVec struct {
	idx      []uint32
	val      []float32
	names    bool
	nameList []string
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvAdd(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func (fv *featureVec) add(h uint32, v float32, prefix, a, b string) {
	fv.idx = append(fv.idx, h&(modelSize-1))
	fv.val = append(fv.val, v)
	if fv.names {
		fv.nameList = append(fv.nameList, prefix+a+b)
	}
}

func (fv *featureVec) addName(name string, v float32) {
	fv.add(fnvAdd(fnvOffset, name), v, name, "", "")
}

// gramValue is the value of word, pair and lemma features, and frameValue
// that of the frame features: with one learning rate for all, the frames
// (few, general) learn faster than the words (many, specific), which keeps
// the model from learning the generated templates by heart.
const (
	gramValue  = 0.5
	frameValue = 1.5
)

// fill adds the features of the analysed text.
func (fv *featureVec) fill(toks []dtok, frames []frame, ds *[numDetectors]detectorScore) {
	fv.addName("bias-text", 1)
	for i := range toks {
		k := toks[i].key
		if len(k) > 24 {
			k = k[:24]
		}
		h := fnvAdd(fnvAdd(fnvOffset, "w:"), k)
		fv.add(h, gramValue, "mot « ", k, " »")
		if i > 0 && toks[i].flags&tSentence == 0 {
			p := toks[i-1].key
			if len(p) > 24 {
				p = p[:24]
			}
			hb := fnvAdd(fnvAdd(fnvAdd(fnvAdd(fnvOffset, "b:"), p), " "), k)
			fv.idx = append(fv.idx, hb&(modelSize-1))
			fv.val = append(fv.val, gramValue)
			if fv.names {
				fv.nameList = append(fv.nameList, "paire « "+p+" "+k+" »")
			}
		}
		if ms := morphLookup(toks[i].key); len(ms) > 0 {
			if v, ok := hasVerb(ms); ok && v.Lemma != toks[i].key {
				lem := v.Lemma
				fv.add(fnvAdd(fnvAdd(fnvOffset, "l:"), lem), gramValue, "lemme « ", lem, " »")
			}
		}
	}
	var anyAct, drill, lesson, report, play bool
	for _, fr := range frames {
		drill = drill || fr.drill
		lesson = lesson || fr.lesson
		report = report || fr.report
		play = play || fr.play
		if fr.incite {
			fv.addName("cadre : incitation", frameValue)
		}
		if fr.approve {
			fv.addName("cadre : approbation", frameValue)
		}
		if fr.presence {
			fv.addName("cadre : présence 1re personne", frameValue)
			if fr.school {
				fv.addName("cadre : présence 1re personne + établissement", frameValue)
			}
		}
		if fr.act == actNone {
			continue
		}
		anyAct = true
		act := actNames[fr.act]
		fv.addName("acte : "+act, frameValue)
		fv.addName("acte : "+act+" + "+actorNames[fr.actor]+" + "+tenseNames[fr.tense], frameValue)
		fv.addName("acte + "+actorNames[fr.actor]+" + "+tenseNames[fr.tense], frameValue)
		flags := []struct {
			on   bool
			name string
		}{
			{fr.target2, "cible 2e personne"}, {fr.targetGrp, "cible groupe"}, {fr.targetName, "cible nommée"},
			{fr.place, "lieu"}, {fr.school, "établissement"}, {fr.time, "moment"}, {fr.negated, "négation"},
			{fr.report, "compte rendu"}, {fr.quoted, "citation"}, {fr.drill, "exercice"}, {fr.lesson, "enseignement"},
			{fr.play, "jeu ou plaisanterie"}, {fr.weapon, "arme"}, {fr.incite, "incitation"}, {fr.approve, "approbation"},
		}
		for _, f := range flags {
			if f.on {
				fv.addName("acte + "+f.name, frameValue)
				fv.addName("acte + "+tenseNames[fr.tense]+" + "+f.name, frameValue)
			}
		}
	}
	if !anyAct {
		fv.addName("aucun acte", frameValue)
	}
	for _, x := range []struct {
		on   bool
		name string
	}{{drill, "message : exercice"}, {lesson, "message : enseignement"}, {report, "message : compte rendu"}, {play, "message : jeu"}} {
		if x.on {
			fv.addName(x.name, frameValue)
		}
	}
	for d := detector(0); d < numDetectors; d++ {
		if s := ds[d].score; s > 0 {
			fv.addName("règle "+detectorNames[d], float32(s))
			if s >= 0.5 {
				fv.addName("règle "+detectorNames[d]+" ≥ 0,5", 1)
			}
		}
	}
}

// links adds the features of the links in text.
func (fv *featureVec) links(text string) {
	ls := ExtractLinks(text)
	if len(ls) == 0 {
		return
	}
	worst := 0.0
	for _, l := range ls {
		if isOfficial(l.Host) && !l.Userinfo {
			fv.addName("lien officiel", 1)
			continue
		}
		r, why := linkRisk(l, func(string) bool { return false })
		worst = math.Max(worst, r)
		for _, w := range why {
			for _, cut := range []string{" (", " «"} {
				if i := strings.Index(w, cut); i > 0 {
					w = w[:i]
				}
			}
			fv.addName("lien : "+w, 1)
		}
	}
	fv.addName("lien", 1)
	fv.addName("risque du lien", float32(worst))
}

var fvPool = sync.Pool{New: func() any { return &featureVec{} }}

// modelCap is the highest score the learned layer gives on its own: it
// holds a message for a moderator but never rejects it (a rejection tells
// the sender, and needs the rules' certainty).
const modelCap = 0.84

// modelFinding scores the message with the learned layer. A head at or
// over its threshold gives a finding from HoldAt up to modelCap; below, a
// weak signal that counts in the score but holds nothing.
func (e *Engine) modelFinding(in Input, text string, fv *featureVec) (finding, bool) {
	m := e.model
	best, bestP := -1, 0.0
	for h, w := range m.W {
		z := m.Meta.Bias[h]
		for i, ix := range fv.idx {
			z += float64(w[ix]) * float64(fv.val[i])
		}
		if p := 1 / (1 + math.Exp(-z)); p > bestP {
			best, bestP = h, p
		}
	}
	if best < 0 {
		return finding{}, false
	}
	t := m.Meta.HoldAt
	if in.SenderRole == bouclier.RoleStudent && m.Meta.Student > 0 {
		t = m.Meta.Student
	}
	holdAt := e.cfg.HoldAt
	if in.SenderRole == bouclier.RoleStudent && e.cfg.StudentHoldAt > 0 {
		holdAt = e.cfg.StudentHoldAt
	}
	var score float64
	if bestP >= t {
		score = holdAt + (modelCap-holdAt)*(bestP-t)/math.Max(1e-9, 1-t)
	} else {
		score = 0.29 * bestP / t // below the reasons' line: never a reason alone
	}
	score = math.Round(math.Min(modelCap, score)*1000) / 1000
	if score < 0.3 {
		return finding{}, false
	}
	head := m.Meta.Heads[best]
	f := TextFeatures(text)
	var parts []string
	for _, c := range m.Contributions(&f, best) {
		if len(parts) == 4 || c.Value < 0.25 {
			break
		}
		parts = append(parts, c.Feature)
	}
	return finding{score: score, reason: fmt.Sprintf("%s (modèle, p %.2f) : %s (score %.2f)", headReason[head], bestP, strings.Join(parts, ", "), score)}, true
}
