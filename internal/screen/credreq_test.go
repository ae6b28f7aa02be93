package screen

import "testing"

// A request for the reader's password or login code is held, whatever
// the verb's spelling; advice, a negated request, one's own password and
// codes that are not a login are not.
func TestCredentialRequest(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"envoie moi ton mot de passe stp", true},
		{"file-moi ton mdp vite fait", true},
		{"Madame, pourriez-vous me transmettre votre code de connexion ?", true},
		{"Merci de nous renvoyer les mots de passe de vos enfants.", true},
		{"tu peux me passer ton code ent", true},
		{"« donne-moi ton mot de passe » : voilà ce qu'écrivent les escrocs.", false},
		{"Ne communiquez jamais votre mot de passe, même au service informatique.", false},
		{"ne donne ton mdp à personne", false},
		{"Pensez à changer votre mot de passe avant lundi.", false},
		{"j'ai oublié mon mot de passe, je te le dis demain", false},
		{"tu peux me donner ton code de casier", false},
		{"Le professeur vous communiquera votre identifiant lundi.", false},
		// a one-time code just received, asked for by anyone; English
		{"c'est moi, tu peux me transférer le code que tu as reçu ?", true},
		{"écris-moi ton mot de passe", true},
		{"text me the code you received", true},
		{"please send your password to this address", true},
		{"Ton code de connexion est 730211, ne le donne à personne.", false},
		{"never give your password to anyone", false},
		{"Don't share your passcode, even with a friend.", false},
	}
	for _, tc := range tests {
		s := textScores(tc.text)[detPhishing].score
		if got := s >= credRequestScore; got != tc.want {
			t.Errorf("%q: phishing score %.2f, held %v, want %v", tc.text, s, got, tc.want)
		}
	}
}

func FuzzCredentialRequest(f *testing.F) {
	for _, s := range []string{"donne ton mdp", "code ent de ton", "mots de passe de vos", "ne", "", "si tu peux pas, donne-moi ton code reçu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := analyze(s)
		toks := buildTokens(a, nil)
		if sc, why := credentialRequest(a.src, toks); sc != 0 && why == "" {
			t.Fatalf("%q: score %v without a reason", s, sc)
		}
	})
}
