package screen

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fastLines are protocol lines, each either read by decodeFast or left to
// encoding/json; want says which.
var fastLines = []struct {
	line string
	fast bool
}{
	{`{"id": 1, "text": "Bonjour", "role": "parent"}`, true},
	{`{"id":"m-1","text":"a","subject":"b","role":"student","to_students":true,"academie":"paris"}`, true},
	{` { "text" : "tab\tquote\"slash\/back\\nl\n" , "id" : -0.5e+3 } `, true},
	{`{"text":"é « » \u00e9"}`, false}, // \u: encoding/json
	{`{"text":"é « » ü"}`, true},
	{`{}`, true},
	{`{"id":1}`, true},
	{`{"id":0,"text":"a","to_students":false}`, true},
	{`{"id":01,"text":"a"}`, false},
	{`{"id":1.,"text":"a"}`, false},
	{`{"id":-,"text":"a"}`, false},
	{`{"id":1e,"text":"a"}`, false},
	{`{"id":null,"text":"a"}`, false},
	{`{"id":[1],"text":"a"}`, false},
	{`{"id":"a b","text":"a"}`, true},
	{`{"id":"a\"b","text":"a"}`, false},
	{`{"id":"é","text":"a"}`, false},
	{`{"id":1,"text":null}`, false},
	{`{"id":1,"text":5}`, false},
	{`{"id":1,"Text":"a"}`, false},
	{`{"id":1,"text":"a","label":"x"}`, false},
	{`{"id":1,"text":"a","text":"b"}`, false},
	{`{"id":1,"text":"a","attachments":[]}`, false},
	{`{"id":1,"text":"a",}`, false},
	{`{"id":1,"text":"a"} x`, false},
	{`{"id":1,"text":"a"`, false},
	{`{"id":1 "text":"a"}`, false},
	{`{"id":1,"text":"a\x"}`, false},
	{"{\"id\":1,\"text\":\"ctl \x01\"}", false},
	{"{\"id\":1,\"text\":\"bad \xff utf8\"}", false},
	{"{\"id\":1,\"text\":\"bad \xc3\\n\xa9\"}", false},
	{`{"id":1,"to_students":"yes","text":"a"}`, false},
	{`{"id":1,"to_students":tru,"text":"a"}`, false},
	{`{"id":1,"role":5,"text":"a"}`, false},
	{`[]`, false},
	{`"x"`, false},
}

// TestDecodeFast checks that every line decodeFast reads is read as
// encoding/json reads it, and that it reads the common shapes.
func TestDecodeFast(t *testing.T) {
	for _, c := range fastLines {
		var fast jsonInput
		ok := decodeFast([]byte(c.line), &fast)
		if ok != c.fast {
			t.Errorf("%s: fast %v, want %v", c.line, ok, c.fast)
		}
		if !ok {
			continue
		}
		var slow jsonInput
		if err := json.Unmarshal([]byte(c.line), &slow); err != nil {
			t.Errorf("%s: read fast, but encoding/json: %v", c.line, err)
			continue
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s:\nfast %+v\njson %+v", c.line, fast, slow)
		}
	}
}

// TestAppendJSON checks the verdict line against encoding/json's encoder
// on awkward strings and scores.
func TestAppendJSON(t *testing.T) {
	strs := []string{"", "plain", `q"b\s/`, "<a href='x'>&amp;</a>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"« é » \u00a0’", "\u2028\u2029", "bad \xff\xfe \xc3", "\xed\xa0\x80", "😀 \U0010FFFF"}
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "é", "\"", "\\", "\n", "\x01", "\xff", "\u2028", "<", "😀", " "}
	for i := 0; i < 500; i++ {
		var b strings.Builder
		for j := rng.Intn(12); j > 0; j-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		strs = append(strs, b.String())
	}
	scores := []float64{0, 1, 0.5, 0.037, 0.996, 1e-7, 1.5e-6, 1e-6, 1e21, 1e20, -0.25, math.Copysign(0, -1), 123456789.125, 0.1 + 0.2}
	for i := 0; i < 200; i++ {
		scores = append(scores, rng.Float64(), math.Float64frombits(rng.Uint64()&^(0x7ff<<52)|(uint64(rng.Intn(2046)+1)<<52)))
	}
	ids := []string{"1", "-0.5e+3", `"m-1"`, "12345678901234567890"}
	for i, sc := range scores {
		res := Result{Verdict: Hold, Score: sc, Reasons: []string{strs[i%len(strs)], strs[(i*7+3)%len(strs)]}}
		if i%5 == 0 {
			res.Reasons = []string{}
		}
		if i%11 == 0 {
			res.Reasons = nil
		}
		id := json.RawMessage(ids[i%len(ids)])
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(jsonOutput{ID: id, Verdict: res.Verdict, Score: res.Score, Reasons: res.Reasons}); err != nil {
			t.Fatal(err)
		}
		if got := appendVerdict(nil, id, res); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("score %v reasons %q:\ngot  %s\nwant %s", sc, res.Reasons, got, want.Bytes())
		}
	}
}

// TestRunJSONLFastSame runs the test sets through RunJSONL in the shapes a
// caller may write them (ids of every kind, roles, escapes, other keys,
// errors) with and without the fast path: the output must be the same
// bytes.
func TestRunJSONLFastSame(t *testing.T) {
	skipUnderRace(t)
	sets, _ := filepath.Glob("testdata/*.jsonl")
	if len(sets) == 0 {
		t.Fatal("no test sets")
	}
	ids := []string{`7`, `-1.5E+2`, `"m-7"`, `"é\u00e9"`, `null`, `{"a": [1, "b"]}`, ``}
	roles := []string{`"parent"`, `"student"`, `"teacher"`, `"pirate"`, `null`, ``}
	var in bytes.Buffer
	n := 0
	for _, path := range sets {
		for _, m := range readCorpus(t, path) {
			text, _ := json.Marshal(m.Text) // escapes < > & as \u003c…
			if n%3 == 1 {
				text = []byte(`"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(m.Text) + `\n\t« ok »\/"`)
			}
			fields := []string{`"text": ` + string(text)}
			if id := ids[n%len(ids)]; id != "" {
				fields = append(fields, `"id":`+id)
			}
			if r := roles[n%len(roles)]; r != "" {
				fields = append(fields, `"role": `+r)
			}
			switch n % 9 {
			case 2:
				fields = append(fields, `"to_students": true`, `"academie": "lyon"`, `"subject": "Objet : sortie"`)
			case 4:
				fields = append(fields, `"label": "x"`)
			case 6:
				fields = append(fields, `"to_students": 1`)
			case 8:
				fields[0] = `"Text": ` + string(text)
			}
			if n%2 == 1 {
				fields[0], fields[len(fields)-1] = fields[len(fields)-1], fields[0]
			}
			in.WriteString("{" + strings.Join(fields, ", ") + "}\n")
			n++
		}
	}
	in.WriteString("{}\n\n [1]\n{\"id\": 1, \"text\": \"a\"} x\n{\"id\": 01, \"text\": \"a\"}\n")
	run := func(fast bool) []byte {
		defer func(old bool) { jsonFast = old }(jsonFast)
		jsonFast = fast
		var out bytes.Buffer
		if err := RunJSONL(New(DefaultConfig()), bytes.NewReader(in.Bytes()), &out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	fast, slow := run(true), run(false)
	if !bytes.Equal(fast, slow) {
		fl, sl := strings.Split(string(fast), "\n"), strings.Split(string(slow), "\n")
		for i := range min(len(fl), len(sl)) {
			if fl[i] != sl[i] {
				t.Fatalf("output line %d differs:\nfast %s\njson %s", i+1, fl[i], sl[i])
			}
		}
		t.Fatalf("outputs differ in length: %d and %d lines", len(fl), len(sl))
	}
	t.Logf("%d lines, %d bytes out", n, len(fast))
}
