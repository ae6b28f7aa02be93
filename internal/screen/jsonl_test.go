package screen

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
)

func TestRunJSONL(t *testing.T) {
	bigPDF := pdfDoc{objs: append(append([]string{}, pdfBase...), stream("", bytes.Repeat([]byte("%PDF-1.4 "), 400000), false))}.bytes()
	big := base64.StdEncoding.EncodeToString(bigPDF) // ~4.8 MB line
	exe := base64.StdEncoding.EncodeToString(peBytes())
	in := strings.Join([]string{
		`{"id": 1, "text": "Réunion parents-professeurs mardi à 18h."}`,
		``,
		`{"id": "b", "text": "Une bombe va exploser au collège à 10h, vous êtes prévenus."}`,
		`not json`,
		`{"id": {"k": [1, 2]}, "subject": "Bulletin", "text": "ci-joint", "attachments": [{"name": "bulletin.pdf", "content_type": "application/pdf", "base64": "` + exe + `"}]}`,
		`{"id": 5, "text": "gros fichier", "attachments": [{"name": "cours.pdf", "base64": "` + big + `"}]}`,
		`{"id": 6, "text": "Regarde https://www.youtube.com/watch?v=x", "role": "student"}`,
		`{"id": 7, "text": "x", "role": "pirate"}`,
		`{"id": 8, "text": "x", "attachments": [{"name": "a", "base64": "!!!"}]}`,
		`[1, 2]`,
		`{"id": null}`,
		`{"text": "sans id"}`,
	}, "\n")
	var out bytes.Buffer
	if err := RunJSONL(New(DefaultConfig()), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		`{"id":1,"verdict":"deliver"`,
		`{"id":"b","verdict":"reject"`,
		`{"line":4,"error":`,
		`{"id":{"k":[1,2]},"verdict":"reject"`,
		`{"id":5,"verdict":"deliver"`,
		`{"id":6,"verdict":"hold"`,
		`{"line":8,"error":"unknown role`,
		`{"line":9,"error":"attachment 1: invalid base64"`,
		`{"line":10,"error":"not a JSON object"`,
		`{"line":11,"error":"missing \"text\""`,
		`{"id":null,"verdict":"deliver"`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d output lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %.200s, want prefix %s", i+1, lines[i], w)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &m); err != nil {
			t.Errorf("line %d not JSON: %v", i+1, err)
		}
		if _, ok := m["verdict"]; ok {
			if _, ok := m["reasons"].([]any); !ok {
				t.Errorf("line %d: reasons not an array", i+1)
			}
			if _, ok := m["score"].(float64); !ok {
				t.Errorf("line %d: score not a number", i+1)
			}
		}
	}
}

// A line longer than the read buffer is read whole, and the next line too.
func TestRunJSONLLongLine(t *testing.T) {
	long := strings.Repeat("Bonjour à tous, la sortie est jeudi. ", 5000) // ~190 KB
	in := `{"id": 1, "text": "` + long + `"}` + "\n" + `{"id": 2, "text": "Rendez-vous à 18h."}` + "\n"
	var out bytes.Buffer
	if err := RunJSONL(New(DefaultConfig()), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":1,"verdict":"deliver"`) || !strings.HasPrefix(lines[1], `{"id":2,"verdict":"deliver"`) {
		t.Fatalf("output:\n%.300s", out.String())
	}
}
