package screen

import (
	"testing"

	"github.com/bouclier/bouclier"
)

// Typical ~500-byte school messages, benign and malicious mixed.
var benchMessages = []string{
	"Bonjour à toutes et à tous, je vous rappelle que la réunion parents-professeurs de la classe de 4e B aura lieu jeudi 12 décembre à 18h en salle polyvalente. Merci de confirmer votre présence via le coupon distribué aux élèves. Les professeurs principaux seront disponibles pour des entretiens individuels de dix minutes. Pensez à apporter le carnet de correspondance et le dernier bulletin. En cas d'empêchement, vous pouvez demander un rendez-vous par l'ENT. Bien cordialement, M. Martin, professeur principal.",
	"Rappel : exercice PPMS attentat-intrusion jeudi à 10h. Les élèves resteront confinés dans les salles, volets fermés et lumières éteintes, sans bruit, jusqu'au signal de fin. Les enseignants vérifieront la présence de chaque élève et remonteront les absences à la vie scolaire. Un exercice d'évacuation incendie suivra en fin de matinée. Merci de rappeler ces consignes aux familles et de ne pas appeler l'établissement pendant l'exercice. La direction.",
	"Une bombe a été déposée dans le collège, elle explosera à 10h. Évacuez ou vous mourrez tous. Ce n'est pas une blague, nous avons placé plusieurs engins dans les établissements de l'académie et dans les gymnases. Vous êtes prévenus. Personne ne sortira vivant si vous ne faites rien. Tic tac, tic tac. Les cours de ce matin seront les derniers, préparez les cercueils pour vos élèves et vos professeurs. Que dieu vous garde, la police ne pourra rien faire.",
	"Votre compte ENT sera désactivé sous 24h suite à une activité suspecte détectée sur votre messagerie. Pour le conserver, reconnectez-vous immédiatement et confirmez votre identifiant et votre mot de passe sur la page sécurisée : http://educonnect-verification.com/login ou via bit.ly/ent-maj. Sans action de votre part, toutes vos données seront supprimées définitivement. Le service informatique de l'académie vous remercie de votre compréhension. Ne répondez pas à ce message automatique.",
	"Madame, je n'ai pas compris la leçon sur les armes de la Première Guerre mondiale et les bombardements, pouvez-vous réexpliquer demain en cours ? Pour l'exposé sur la Résistance, mon groupe a choisi le thème des sabotages et des attentats contre les trains. C'était de la bombe le match de handball hier, bravo à l'équipe ! Je vais tuer ce devoir de maths ce soir haha. Il faut que je tue le temps avant le bus. Merci beaucoup et bonne soirée, Lucas de 3e A.",
}

func BenchmarkCheck(b *testing.B) {
	e := New(DefaultConfig())
	ins := make([]Input, len(benchMessages))
	size := 0
	for i, m := range benchMessages {
		ins[i] = Input{Text: m, SenderRole: bouclier.RoleParent}
		size += len(m)
	}
	for _, in := range ins {
		e.Check(in) // load the morphology table and the model once
	}
	b.SetBytes(int64(size / len(benchMessages)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Check(ins[i%len(ins)])
	}
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Normalize(benchMessages[i%len(benchMessages)])
	}
}
