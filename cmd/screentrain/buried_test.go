package main

import (
	"strings"
	"testing"
)

func TestBury(t *testing.T) {
	lines := "Bonjour à tous,\nla sortie est jeudi.\n\nPensez aux gourdes.\nMerci"
	sents := "Bonjour. La sortie est jeudi ! Pensez aux gourdes. Merci"
	for _, c := range []struct {
		host string
		pos  int
		want string
	}{
		{lines, 0, "X\nBonjour à tous,\nla sortie est jeudi.\nPensez aux gourdes.\nMerci"},
		{lines, 1, "Bonjour à tous,\nla sortie est jeudi.\nX\nPensez aux gourdes.\nMerci"},
		{lines, 2, "Bonjour à tous,\nla sortie est jeudi.\nPensez aux gourdes.\nMerci\nX"},
		{sents, 0, "X Bonjour. La sortie est jeudi ! Pensez aux gourdes. Merci"},
		{sents, 1, "Bonjour. La sortie est jeudi ! X Pensez aux gourdes. Merci"},
		{sents, 2, "Bonjour. La sortie est jeudi ! Pensez aux gourdes. Merci X"},
	} {
		if got := bury(c.host, " X\n", c.pos); got != c.want {
			t.Errorf("bury(%q, %d) = %q, want %q", c.host, c.pos, got, c.want)
		}
	}
}

func TestBuriedHost(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"a\nb\nc\nd", true},
		{"a\nb\nc", false},
		{strings.Repeat("mot ", 75), true},
		{strings.Repeat("mot ", 70), false},
	} {
		if got := buriedHost(c.text); got != c.want {
			t.Errorf("buriedHost(%q) = %v", c.text, got)
		}
	}
}

func TestBuriedFoldsKeepTheLeftOutSetOut(t *testing.T) {
	long := strings.Repeat("Le conseil de classe aura lieu mardi. ", 10)
	sets := []*example{
		{id: "a:1", text: long, label: "benign", source: "set", group: "set:a"},
		{id: "b:1", text: long + "Bis.", label: "benign", source: "set", group: "set:b"},
		{id: "a:2", text: "je vais te tuer", label: "threat", source: "set", group: "set:a"},
		{id: "b:2", text: "je vais te frapper", label: "violent", source: "set", group: "set:b"},
	}
	bf := newBuriedFolds(nil, sets, options{seed: 1, buried: true, augment: 2})
	for _, g := range []string{"set:a", "set:b"} {
		for _, e := range bf.trainFor(g) {
			if e.group == g || e.weight != 2 {
				t.Errorf("fold %s trains on %s (group %s, weight %g)", g, e.id, e.group, e.weight)
			}
		}
		for _, e := range bf.testFor(g) {
			if e.group != g || !strings.Contains(e.text, "Le conseil") {
				t.Errorf("fold %s tests %s: %q", g, e.id, e.text)
			}
		}
	}
	if len(bf.test) != 4 || len(bf.train) != 4 {
		t.Errorf("%d test and %d training variants, want 4 and 4", len(bf.test), len(bf.train))
	}
}

func TestBuriedFromFold(t *testing.T) {
	fold := map[string]int{"set:a": 0, "set:b": 1}
	for _, c := range []struct {
		e    example
		f    int
		want bool
	}{
		{example{source: "buried", group: "set:a", host: "set:b"}, 0, true},
		{example{source: "buried", group: "set:a", host: "set:b"}, 1, true},
		{example{source: "buried", group: "set:a", host: "set:b"}, 2, false},
		{example{source: "buried", group: "set:c", host: "set:d"}, 0, false},
		{example{source: "set", group: "set:a"}, 0, false},
	} {
		if got := buriedFrom(&c.e, fold, c.f); got != c.want {
			t.Errorf("buriedFrom(%s in %s, fold %d) = %v", c.e.group, c.e.host, c.f, got)
		}
	}
}
