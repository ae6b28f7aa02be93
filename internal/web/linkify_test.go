package web

import (
	"strings"
	"testing"
)

func TestLinkify(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // substrings of the HTML
		not        []string
	}{
		{"plain link", "Le programme : https://www.education.gouv.fr/sorties?id=4&x=1 merci.",
			[]string{`<a href="https://www.education.gouv.fr/sorties?id=4&amp;x=1" rel="noopener noreferrer nofollow ugc" target="_blank">`, "merci."}, nil},
		{"text is escaped", `<script>alert(1)</script> et "guillemets"`,
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;guillemets&#34;"}, []string{"<script>", "<a "}},
		{"look-alike stays text", "Connectez-vous\u00a0: https://pronote-connexion.tk/login",
			[]string{`<span class="link-text">https://pronote-connexion.tk/login</span>`}, []string{"<a "}},
		{"user info stays text", "https://pronote.fr@evil.example/",
			nil, []string{"<a "}},
		{"bare domain is not linked", "voir education.gouv.fr demain", []string{"voir education.gouv.fr demain"}, []string{"<a "}},
		{"javascript is never a link", "javascript:alert(1)//x.fr", nil, []string{"<a "}},
		{"times, amounts and dates stay whole", "Départ le 12 mars à 8 h 30, retour 17 h. Participation : 12,50 € ou 1 200 €.",
			[]string{`le <span class="nowrap">12 mars</span> à <span class="nowrap">8 h 30</span>, retour <span class="nowrap">17 h</span>.`,
				`<span class="nowrap">12,50 €</span> ou <span class="nowrap">1 200 €</span>.`}, nil},
		{"a run without a space is left as it is", "à 8h30 pour 5€", []string{"à 8h30 pour 5€"}, []string{"nowrap"}},
		{"what is kept is escaped too", "<b>8 h 30</b>", []string{`&lt;b&gt;<span class="nowrap">8 h 30</span>&lt;/b&gt;`}, []string{"<b>"}},
	}
	for _, c := range cases {
		got := string(linkify(c.body))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q has %q", c.name, got, n)
			}
		}
	}
}
