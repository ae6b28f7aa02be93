package screen

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

// TestCyberadoPupilThreats measures the production engine on the real
// pupil chats of the shared corpus (CC BY-NC: read at run time, never
// trained on, never copied). The chats are split by their group: LOOK
// (ethnicity, obesity), whose misses may be read with SCREEN_LOOK=1, and
// SEALED (homophobia, religion), of which only counts are ever printed.
// Skipped when ../shared is absent. Figures only: no floor.
func TestCyberadoPupilThreats(t *testing.T) {
	path := sharedTrain()
	if path == "" {
		t.Skip("shared/corpus/train/train.jsonl not found above the package")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := New(DefaultConfig())
	look := os.Getenv("SCREEN_LOOK") == "1"
	type key struct{ split, label, line string }
	held, total := map[key]int{}, map[key]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var row struct{ Text, Label, Source, Group string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		if row.Source != "cyberado-large" || (row.Label != "threat" && row.Label != "benign") {
			continue
		}
		g := strings.ToLower(row.Group)
		split := ""
		switch {
		case strings.Contains(g, "ethnicity") || strings.Contains(g, "obesity"):
			split = "LOOK"
		case strings.Contains(g, "homophobia") || strings.Contains(g, "religion"):
			split = "SEALED"
		default:
			split = "OTHER"
		}
		for _, role := range []bouclier.Role{bouclier.RoleParent, bouclier.RoleStudent} {
			line := "adult"
			if role == bouclier.RoleStudent {
				line = "student"
			}
			r := e.Check(Input{Text: row.Text, SenderRole: role})
			k := key{split, row.Label, line}
			total[k]++
			if r.Verdict != Deliver {
				held[k]++
			}
			if look && split == "LOOK" && (r.Verdict != Deliver) != (row.Label != "benign") {
				t.Logf("LOOK %s %s line: %s (%.3f) %q %v", row.Label, line, r.Verdict, r.Score, row.Text, r.Reasons)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"LOOK", "SEALED", "OTHER"} {
		for _, l := range []string{"threat", "benign"} {
			for _, line := range []string{"adult", "student"} {
				k := key{s, l, line}
				if total[k] > 0 {
					t.Logf("%-6s %-6s %-7s line: held %d/%d", s, l, line, held[k], total[k])
				}
			}
		}
	}
}

// The eighth round A's mechanisms, with sentences written for this test
// (not from blind10 nor from the chats): slang verbs of beating on the
// reader, blows, what the reader will get, set phrases, and their
// look-alikes in games, sport and everyday talk.
func TestRound8PFrames(t *testing.T) {
	pupilAct := func(f frame) bool { return f.pupil && f.agentive() }
	tests := []struct {
		text  string
		want  bool // some clause has a pupil act that is agentive
		slang bool // or an agentive act by a slang verb (pupilSlangVerbs)
	}{
		{"demain jvais te soulever devant le bus", false, true},
		{"on va vous détruire un par un", false, true},
		{"je vais t'allonger si tu continues", false, true},
		{"je vais soulever le sac de sport", false, false},
		{"il faut détruire les vieux dossiers", false, false},
		{"je te mets une droite si tu recommences", true, false},
		{"jvais te coller une baffe", true, false},
		{"mon poing dans ta tronche ce soir", true, false},
		{"tu vas manger des coups de pied", true, false},
		{"tu vas prendre une raclée", true, false},
		{"je te donne un coup de main pour l'exo", false, false},
		{"tourne à droite après la boulangerie", false, false},
		{"il m'a mis une droite hier", false, false},
		{"tu vas prendre cher", true, false},
		{"tu vas prendre le bus de 17h ?", false, false},
		{"on va te prendre à cinq derrière le city", true, false},
		{"on te prend à cinq contre cinq", true, false}, // the frame; a game in the clause frames it (TestRound8PDetectors)
		{"je vais te régler ton compte vendredi", true, false},
		{"j'ai réglé mon compte à la cantine", false, false},
		{"on va te faire la misère toute l'année", true, false},
		{"la prof nous fait la misère", false, false},
		{"vous allez finir six pieds sous terre", true, false},
		{"le trésor est à six pieds sous terre", false, false},
		{"je vais te couper en deux", true, false},
		{"je coupe la pizza en deux", false, false},
	}
	for _, tc := range tests {
		got, slang := false, false
		for _, f := range framesOf(tc.text) {
			got = got || pupilAct(f)
			slang = slang || !f.pupil && f.act == actAttack && f.agentive()
		}
		if got != tc.want || tc.slang && !slang {
			t.Errorf("%q: pupil act %v (want %v), slang act %v (want %v)", tc.text, got, tc.want, slang, tc.slang)
		}
	}
}

// Check's verdict on the round's shapes and look-alikes: the challenge
// mark with a harm or a meeting place, and a game named next to the act.
func TestRound8PDetectors(t *testing.T) {
	e := New(DefaultConfig())
	for _, tc := range []struct {
		text string
		held bool
	}{
		{"ce soir à la sortie tu vas voir ce que tu vas prendre", true},
		{"tu vas voir à la sortie, on sera là", true},
		{"tu vas voir le film il est trop bien", false},
		{"tu vas voir, la sortie au musée c'est génial", false},
		{"jvais t'éclater quand tu veux sur Brawl Stars", false},
		{"jvais t'éclater quand tu veux derrière le gymnase", true},
		{"je vais te détruire aux échecs ce soir", false},
		{"on va vous démonter au hand samedi", false},
		{"je te mets une patate si tu balances", true},
		{"jvais te régler ton compte à la sortie", true},
	} {
		r := e.Check(Input{Text: tc.text})
		if held := r.Verdict != Deliver; held != tc.held {
			t.Errorf("%q: %s (%.2f) %v, want held %v", tc.text, r.Verdict, r.Score, r.Reasons, tc.held)
		}
	}
}

// A game named after a harm to the body does not make it play.
func TestRound8PGameBody(t *testing.T) {
	e := New(DefaultConfig())
	if r := e.Check(Input{Text: "jvais te casser les genoux tu joueras plus jamais au hand"}); r.Verdict == Deliver {
		t.Errorf("a harm to the body with a sport named was delivered: %.2f %v", r.Score, r.Reasons)
	}
}
