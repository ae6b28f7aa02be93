package synth

import (
	"hash/fnv"
	"math/rand/v2"
	"sort"
)

// nameSeed is a family's stream: by name, so that adding a family leaves
// the others' messages as they were.
func nameSeed(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// slots are shared by the families; a family's templates decide which it
// uses.
var slots = map[string][]string{
	"place": {"le collège", "le lycée", "l'école", "l'établissement", "la cantine", "le réfectoire", "le CDI", "le gymnase",
		"la cour", "le local à vélos", "la salle 204", "le bâtiment C", "les toilettes du deuxième étage", "le préau",
		"l'internat", "la salle des profs", "le parking des profs", "le hall", "la vie scolaire", "le labo de chimie",
		"l'amphi", "la salle de permanence", "le foyer des élèves", "l'infirmerie", "le garage à vélos", "les vestiaires",
		"la salle polyvalente", "l'atelier de techno", "le bureau du principal", "la salle de musique", "le self",
		"le bâtiment des sciences", "la salle informatique", "le couloir du rez-de-chaussée", "le local poubelles"},
	"placeIn": {"dans {place}", "au CDI", "au gymnase", "au self", "à la cantine", "à l'internat", "devant {place}",
		"sous le préau", "derrière le gymnase", "au fond de la cour", "au premier étage", "dans {place}"},
	"time": {"à 10h", "demain", "ce midi", "à 16h", "lundi matin", "pendant la récré", "à la sortie des cours",
		"dans une heure", "cet après-midi", "vendredi à 14h30", "jeudi", "à 8h", "ce soir", "la semaine prochaine",
		"à la fin du cours", "pendant la cantine", "dans 30 minutes", "mardi à 9h15", "à midi pile", "avant les vacances"},
	"expl": {"une bombe", "des explosifs", "du TNT", "un engin explosif", "une valise piégée", "un colis piégé", "du C4",
		"une ceinture d'explosifs", "des bonbonnes de gaz piégées", "un sac piégé", "plusieurs bombes", "un explosif artisanal"},
	"gun": {"une arme", "un flingue", "une kalach", "le fusil de mon père", "un pistolet", "un couteau", "une machette",
		"le fusil de chasse de mon oncle", "un revolver"},
	"name": {"Julie", "Mehdi", "Lucas", "Inès", "Enzo", "Chloé", "Yanis", "Léa", "Noah", "Camille", "Adam", "Manon",
		"Rayan", "Emma", "Sofiane", "Jade", "Hugo", "Lina", "Théo", "Sarah"},
	"adult": {"M. Martin", "Mme Durand", "la prof de maths", "le prof d'histoire", "le CPE", "la principale",
		"le proviseur", "la surveillante", "le prof de sport", "Mme Lefèvre"},
	"group": {"les profs", "les 3e B", "tout le monde", "les élèves de 6e", "les surveillants", "toute la classe",
		"les filles de la 4e A", "les délégués", "les internes", "tous ceux qui seront là"},
	"faith": {"les mécréants", "ceux qui ne croient pas en Allah", "les kouffars", "les infidèles", "les apostats",
		"les juifs", "les chrétiens", "ceux qui insultent le prophète"},
	"org": {"Daech", "l'État islamique", "l'EI", "le califat", "les moudjahidines", "Al-Qaïda"},
	"attacker": {"Abdoullakh Anzorov", "Mohammed Mogouchkov", "les frères Kouachi", "Amedy Coulibaly", "Mohammed Merah",
		"celui qui a tué le prof d'Arras", "le frère qui a décapité Samuel Paty", "les frères du Bataclan"},
	"victim": {"Samuel Paty", "Dominique Bernard", "les journalistes de Charlie Hebdo", "ce prof", "les victimes du Bataclan"},
	"event":  {"l'attentat de Nice", "le Bataclan", "l'attaque d'Arras", "l'attentat de Conflans", "Charlie Hebdo", "l'Hyper Cacher"},
	"kill":   {"tuer", "buter", "crever", "égorger", "planter", "défoncer", "massacrer", "fumer", "saigner", "éclater"},
	"killFut": {"je vais te [tuer|buter|crever|égorger|planter|défoncer|massacrer|saigner|poignarder]",
		"je te [tuerai|buterai|crèverai|planterai|défoncerai|massacrerai|poignarderai|égorgerai]",
		"on va te [tuer|buter|crever|égorger|défoncer|lyncher|tabasser]", "j'vais te [tuer|buter|planter|défoncer]",
		"jvais te [tuer|buter|niquer|planter|fracasser]", "tu vas [mourir|crever|saigner|souffrir]"},
	"greet": {"", "Bonjour, ", "Bonsoir, ", "Madame, Monsieur, ", "Salut, ", "Attention : ", "Message important : ", "URGENT : "},
	"close": {"", " Cordialement.", " Bonne journée.", " Vous êtes prévenus.", " Ce n'est pas une blague.", " Adieu.", " 💣", " Tic tac."},
	"game":  {"Fortnite", "Minecraft", "Roblox", "Valorant", "GTA V", "Brawl Stars", "Call of Duty", "FIFA", "Apex", "Clash Royale"},
	"cur":   {"V-bucks", "Robux", "gemmes", "crédits", "skins", "pièces", "diamants"},
	"link": {"www.ac-rouen.tk", "pronote-connexion.xyz", "educonnect-verif.com", "bit.ly/3xK9pQ", "free-vbucks.gg",
		"http://ent-monlycee.fr.session-login.top", "https://robux-gratuit.site/claim", "cheats-gratuits.club",
		"https://mega.nz/file/8Xa2kQ", "www.educ0nnect.fr", "https://tinyurl.com/ent-maj", "skins-free.ru/get",
		"http://192.168.4.21/login", "www.ac-versailles.ml", "https://pronote.fr-auth.info/verif"},
	"okLink": {"https://www.education.gouv.fr", "https://eduscol.education.fr", "https://www.service-public.fr",
		"https://www.onisep.fr", "le site du collège", "l'ENT habituel", "https://www.lumni.fr", "https://www.cnil.fr"},
	"acct":     {"votre compte ENT", "votre compte Pronote", "votre messagerie", "votre compte ÉduConnect", "votre espace parent", "ton compte ENT"},
	"subj":     {"mes potes", "les grands de 3e", "mon cousin", "moi et mes frères", "toute la bande"},
	"day":      {"lundi", "mardi", "jeudi", "vendredi", "le 14 mars", "mercredi prochain"},
	"hour":     {"9h", "10h15", "14h", "15h30", "11h", "8h30"},
	"team":     {"Lyon", "les 4e C", "le lycée Pasteur", "l'équipe de Marseille", "les cadets", "Saint-Étienne", "le collège voisin"},
	"pupilEnd": {"", "", ".", " !", " mdr", " frère", " wesh", " 😂", " sérieux", " tkt"},
	"nameOpt":  {"", "", "{name} ", "{name}, ", "toi là ", "eh {name} "},
	"chatTime": {"demain", "2main", "ce soir", "à la récré", "a la sortie", "lundi", "après la cantine", "en perm", "tout à l'heure", "dem1"},
	"film":     {"John Wick", "Scream", "Hunger Games", "The Walking Dead", "Squid Game", "One Piece", "L'Attaque des Titans", "Star Wars", "Harry Potter", "Le Seigneur des anneaux"},
	"sport":    {"au match samedi", "au tournoi de hand", "au cross", "à la finale", "au match de foot", "au championnat UNSS", "au basket"},
}

// family is one generator family.
type family struct {
	name, label string
	templates   []string
	obfuscate   float64 // share of obfuscated variants
	chat        bool    // obfuscated as pupils type (chatSpell), not to dodge a filter
}

var families = []family{
	// Threats against a school or its people.
	{"bomb_claim", "threat", []string{
		"{greet}[je tenais à vous informer qu'|sachez qu'|je vous préviens qu'|on vous informe qu'|][une bombe|un engin explosif|un colis piégé|du TNT|des explosifs] [est posée|a été déposée|se trouve|est cachée|a été placée|est planquée] {placeIn}.{close}",
		"[Il y a|Y a] {expl} {placeIn}, [j'appuie sur le bouton|ça explose|tout saute|elle explose|ça pète] {time}.{close}",
		"{greet}{expl} [attend|est prête] {placeIn}. [Évacuez|Vous avez une heure|Sortez tous|Personne ne sera épargné].",
		"[Nous avons|J'ai|On a] [placé|déposé|caché|installé] {expl} {placeIn}. [Explosion|Détonation|Boum] {time}.{close}",
	}, 0.25, false},
	{"bomb_future", "threat", []string{
		"[je vais|on va|je compte|j'vais|on compte] [faire sauter|faire exploser|faire péter|exploser] {place} {time}{close}",
		"{time} [je pose|je dépose|on pose|je ramène] {expl} {placeIn}[, vous êtes prévenus|, personne ne sortira vivant|].",
		"{place} va [sauter|exploser|péter] {time}, [préparez les cercueils|priez|adieu|c'est fini pour vous].",
		"[Je ferai|On fera] [sauter|exploser] {place} {time} avec {expl}.",
	}, 0.3, false},
	{"shooting", "threat", []string{
		"[Je suis armé|J'ai {gun} sur moi|Je suis dans {place} avec {gun}] et je suis [dans le lycée|dans le collège|dans {place}|devant la grille]. [Enfermez-vous si vous voulez vivre|Courez|Cachez-vous|Personne ne sortira].",
		"{time} je [viens|débarque|reviens] avec {gun} et je tire sur {group}[ {placeIn}|].",
		"[Je vais|On va] faire un carnage {placeIn} {time}[, préparez les cercueils|, vous allez tous y passer|].",
		"[Il y aura|Demain il y aura|Bientôt il y aura] une fusillade {placeIn}, {group} [vont|va] y passer.",
		"Je [tirerai|vais tirer] sur {group} {time}, [j'ai {gun}|le fusil est prêt|les balles sont prêtes].",
	}, 0.25, false},
	{"arson", "threat", []string{
		"[je vais|on va|j'vais] [brûler|cramer|incendier|mettre le feu à] {place} {time}[, avec {group} dedans|].",
		"{place} va [brûler|cramer|flamber] {time}, [j'ai l'essence|les bidons sont prêts|vous êtes prévenus].",
		"[On mettra|Je mettrai] le feu [au collège|au lycée|à l'internat|au gymnase] {time}.",
	}, 0.25, false},
	{"attack_announce", "threat", []string{
		"[Il y aura|Il va y avoir|Prévoyez] [un attentat|un massacre|une tuerie|un bain de sang] {placeIn} {time}[, personne ne sortira vivant|].",
		"{time}, {group} [vont mourir|vont y passer|seront tous morts]. [C'est décidé|Vous êtes prévenus|Comptez vos morts].",
		"[Un attentat|Une attaque] [est prévu|se prépare] contre {place} {time}. [Ce n'est pas un exercice|Restez chez vous].",
		"[Votre|Ton] [école|collège|lycée] sera la prochaine cible, {time}.",
	}, 0.25, false},
	// Terror apology.
	{"praise_attack", "terror_apology", []string{
		"[Bravo|Gloire|Respect|Honneur] [à|aux] {attacker}[, un vrai héros|, qu'Allah l'accepte|, il a eu raison|].",
		"{attacker} a bien fait, {victim} [l'avait cherché|le méritait|a eu ce qu'il méritait].",
		"{victim} [méritait de mourir|a eu ce qu'il méritait|l'a bien cherché], [vive les frères|bravo au frère|justice est faite].",
		"[C'était justifié|C'est bien fait|Il fallait le faire] pour {event}, [les frères sont des héros|gloire aux martyrs|qu'Allah les récompense].",
		"Je [soutiens|comprends et soutiens] {attacker}, [c'est un martyr|il a défendu l'islam|il a vengé le prophète].",
	}, 0.25, false},
	{"victory_threat", "terror_apology", []string{
		"{org} [vaincra|reviendra|triomphera], [vos enfants ne sont pas en sécurité|la France paiera|vous allez payer|ce n'est que le début].",
		"[Vive|Gloire à] {org}, [les mécréants vont payer|d'autres suivront|la France va payer].",
		"[Après|Comme pour] {event}, [d'autres suivront|ce n'est que le début|à qui le tour], [vive|gloire à] {org}.",
	}, 0.25, false},
	{"incite_jihad", "terror_apology", []string{
		"[Tuez|Égorgez|Frappez|Massacrez] {faith}[, c'est un devoir|, Allah l'ordonne|].",
		"Il faut [tuer|égorger|exterminer|frapper] {faith}[ partout| en France|].",
		"[Prenez les armes|Rejoignez les frères|Levez-vous], [mort aux|guerre aux] [mécréants|kouffars|infidèles].",
		"[Les vrais croyants doivent|Chaque frère doit] [frapper|tuer] {faith}[, comme à {event}|].",
	}, 0.25, false},
	// Threats and violence between pupils.
	{"pupil_kill", "violent", []string{
		"{killFut} {time}[, je sais où tu habites|, t'es mort|, tu vas voir|].",
		"[Je vais|On va|J'vais] [brûler|cramer|incendier] ta maison avec ta famille dedans.",
		"[T'es|Tu es] [mort|morte|un homme mort] {time}[, fais gaffe|, je te jure|].",
		"Si tu [parles|dis quoi que ce soit|balances], {killFut}.",
		"{name}, {killFut} [à la sortie|devant le collège|{time}].",
	}, 0.3, false},
	{"pupil_incite", "violent", []string{
		"[QUI VOTE POUR|Qui vote pour|qui est chaud pour] [TUER|tuer|frapper|tabasser|défoncer|lyncher] {name}",
		"Il faut [tabasser|frapper|défoncer|tuer|lyncher] {name} [à la sortie|{time}|demain].",
		"On [devrait|doit] [pendre|tuer|frapper|brûler] {name}[, elle le mérite|, il le mérite|].",
		"[Faut|Il faudrait] [la|le] [frapper|cogner|défoncer] [à la sortie|après les cours|{time}], [qui vient|on y va tous].",
	}, 0.3, false},
	{"pupil_intimidate", "violent", []string{
		"Je sais où tu habites {name}, [fais gaffe à toi|on va venir|tu vas le regretter].",
		"On t'attend à la sortie avec {subj}, [tu vas voir|t'as intérêt à courir|tu vas payer].",
		"Envoie [une photo|des photos] de toi [nue|en sous-vêtements] sinon je [publie|diffuse|balance] tout [sur insta|à toute la classe].",
		"[Personne ne t'aime|Tout le monde te déteste], [suicide-toi|va te pendre|tu devrais crever].",
	}, 0.3, false},
	{"pupil_fight", "violent", []string{
		"[demain|lundi|à la sortie|après le cours de sport|ce soir] [je vais|on va|jvais|j'vais|je vai] te [tabasser|démonter|défoncer|frapper|cogner|éclater|marave|défigurer|casser les dents|casser la gueule]{pupilEnd}",
		"[tu vas te faire|tu vas te faire] [tabasser|démonter|défoncer|frapper|lyncher] [à la sortie|devant le portail|{time}|par mes potes]{pupilEnd}",
		"[viens|vien|ramène-toi] [à la sortie|derrière le gymnase|au parc|en bas de chez toi] [on va régler ça|on va voir qui rigole|si t'es un homme|seul], [tu vas voir|tu vas prendre cher|ça va mal finir pour toi]",
		"[t'as|tu as] [balancé|parlé à la CPE|ouvert ta bouche|fait le malin], [tu perds rien pour attendre|gare à toi|attends ce qui va t'arriver|tu vas le regretter]{pupilEnd}",
		"{name} [on va te prendre à plusieurs|on t'attend à dix|on va te coincer] [à la sortie|{time}|au bus]{pupilEnd}",
		"[si tu|si jamais tu|la prochaine fois que tu] [me regardes encore|parles de moi|recommences|approches ma sœur], [je te frappe|je t'éclate la tête|je te défonce|je te casse le nez|t'es mort]{pupilEnd}",
		"[fais gaffe à toi|surveille tes arrières|regarde derrière toi en rentrant], [on sait où tu habites|on te lâchera pas|ça va chauffer pour toi]{pupilEnd}",
	}, 0.3, false},
	// Pupil chat: threats typed as pupils type them (SMS spelling, no
	// accents, spelling mistakes), kept apart from pupil_fight so that
	// grouped cross-validation can hold the chat register out.
	{"pupil_chat", "violent", []string{
		"[wsh|wesh|frr|oe|bon|ecoute] {nameOpt}[jte jure|je te jure|sur ma mère|jte promets] [jvais|je vais|on va] te [niquer ta race|défoncer|fumer|planter|saigner|démolir|tabasser|faire saigner] {chatTime}{pupilEnd}",
		"{nameOpt}t'es [mort|morte|finito|cuit] [si tu reviens|quand tu sors|{chatTime}|si tu parles], [on va te chopper|on t'attend|on va te trouver|jte lâche pas]{pupilEnd}",
		"[on t'attend|on sera là|on t'attends] [à 4|à 6|avec les grands|avec mes cousins] [à la sortie|derrière le city|au parc|devant chez toi] {chatTime}, [tu vas prendre|tu vas rien comprendre|tu vas pleurer ta mère|tu vas finir par terre]{pupilEnd}",
		"[t'as|ta|tu as] [balancé|cafté|raconté|parlé] [à la CPE|au prof|à ma meuf|sur le groupe], [jvais|je vais|on va] te [casser|défoncer|exploser] [la gueule|la tête|les dents|le crâne] {chatTime}{pupilEnd}",
		"{nameOpt}[si tu|si jamais tu|la prochaine fois tu] [reparles de|insultes|touches à|regardes] [ma mère|ma sœur|mon frère|ma meuf], [jte crève|je te crève|jte plante|je te saigne|t'es mort]{pupilEnd}",
		"[je vais|jvais|on va] [ramener|prendre] [le couteau de mon père|un cutter|une lame|mon opinel|une batte] [pour toi|pour te faire peur|et tu vas voir] {chatTime}{pupilEnd}",
		"[dis|va dire] à {name} qu'[il|elle] [est mort|est morte|va crever|va se faire défoncer] {chatTime}{pupilEnd}",
		"[je vais|jvais|on va] [mettre le feu à|cramer|brûler] [ton casier|ta maison|ton scooter|ta baraque|ton sac][ avec toi dedans|, tu vas voir|]{pupilEnd}",
	}, 0.6, true},
	{"pupil_euphemism", "violent", []string{
		"{nameOpt}tu vas voir {chatTime}[, tu vas voir|, crois-moi|, retiens bien|]{pupilEnd}",
		"{nameOpt}[ça|sa] va mal [finir|se passer|tourner] pour [toi|ta gueule|ta famille][ {chatTime}|]{pupilEnd}",
		"[on va|jvais|je vais|mes potes vont] te faire la peau[ {chatTime}|, tu peux compter dessus|]{pupilEnd}",
		"[je ramène|jramène|j'amène|je vais ramener] [un truc|un petit cadeau|une surprise|de quoi te calmer|ce qu'il faut] [au lycée|au collège|au bahut|à l'école|en cours] {chatTime}[ pour toi|, vous allez comprendre|, restez chez vous|]{pupilEnd}",
		"[profite bien de ta journée|profite de tes derniers jours|dis au revoir à ta mère|prépare ton cercueil], [{chatTime}|bientôt] [c'est fini pour toi|on vient|t'es plus là]{pupilEnd}",
		"[tu vas regretter d'être né|tu vas comprendre ta douleur|tu vas pleurer du sang|tes jours sont comptés|tu vas finir six pieds sous terre]{pupilEnd}",
		"[on connaît|je connais|on sait] [ton adresse|où tu dors|le code de ton immeuble|l'heure de ton bus], [on va passer te voir|attends-toi à une visite|fais gaffe la nuit]{pupilEnd}",
		"{nameOpt}[continue comme ça|parle encore de moi|fais encore le malin] et [tu verras ce qui arrive|tu vas voir ce qui t'attend|on verra si tu rigoles encore]{pupilEnd}",
	}, 0.5, true},
	// Phishing and lures.
	{"phish_account", "phishing", []string{
		"{acct} sera [suspendu|désactivé|supprimé|bloqué] [sous 24h|aujourd'hui|dans 48h]. [Confirmez|Vérifiez|Validez] vos identifiants [ici|sur ce lien] : {link}",
		"[Service informatique|Support ENT|L'équipe Pronote] : [votre mot de passe expire|une connexion suspecte a été détectée]. [Reconnectez-vous|Mettez à jour vos informations] sur {link}",
		"[Bonjour|Cher utilisateur], pour [garder|réactiver] {acct}, [envoyez|communiquez] votre identifiant et votre mot de passe en réponse à ce message.",
		"[Votre boîte est pleine|Quota de messagerie atteint], cliquez ici pour [augmenter|valider] {acct} : {link}",
	}, 0.15, false},
	{"game_lure", "phishing", []string{
		"[jeux gratuits|cheats gratuits|hacks] et des cheats pour booster tes parties en ligne[ : {link}|, télécharge ici {link}|]",
		"[Générateur|Generateur] de {cur} [gratuit|illimité] pour {game} [👉|:|ici] {link}",
		"[Télécharge|Telecharge|Chope] le [crack|mod menu|aimbot|wallhack|cheat] de {game} [indétectable|gratuit|100% safe] [ici|sur] {link}",
		"[Salut|Yo|Hey], [j'ai trouvé un site|un pote m'a filé un lien] pour avoir des {cur} gratuits sur {game} : {link}",
		"[{cur} gratuits|Free {cur}] ! Connecte-toi avec ton compte {game} sur {link} pour [recevoir|réclamer] [1000|5000|10 000] {cur}.",
		"[Lance|Ouvre] ce fichier [pour avoir|et tu auras] des {cur} illimités sur {game} [{link}|(pièce jointe)]",
	}, 0.15, false},
	{"phish_prize_pay", "phishing", []string{
		"[Félicitations|Bravo], vous avez gagné [un iPhone 15|une carte cadeau de 500 €|une PS5] ! [Réclamez|Récupérez] votre lot sur {link}",
		"[Facture de cantine impayée|Retard de paiement des frais de voyage]. [Régularisez|Payez] sous 24h sur {link} [sinon votre enfant sera exclu du self|pour éviter des pénalités].",
		"{link} [— vérifiez votre compte|— connexion ENT|— mise à jour obligatoire]",
	}, 0.15, false},
	// Hard negatives.
	{"ppms_notice", "benign", []string{
		"Exercice PPMS [attentat-intrusion|confinement|alerte intrusion] {day} à {hour} : [les élèves se confineront dans les salles|confinement dans les salles, portes verrouillées|les élèves restent en classe avec leur professeur].",
		"Rappel des consignes en cas [d'alerte à la bombe|d'intrusion armée|d'attentat] : [évacuation par la cour|confinement dans les salles|ne pas utiliser les téléphones].",
		"[L'exercice|La simulation] [d'évacuation|d'alerte attentat] prévu {day} [se déroulera|aura lieu] [comme prévu|pendant la 2e heure]. Merci de respecter les consignes.",
		"Exercice incendie {day} à {hour}. Les élèves doivent rejoindre le point de rassemblement dans la cour.",
	}, 0.05, false},
	{"vigipirate", "benign", []string{
		"Le plan Vigipirate est [porté au niveau urgence attentat|maintenu au niveau le plus élevé] : [contrôle des sacs à l'entrée|pas d'attroupement devant le portail|présentez votre carte].",
		"Dans le cadre de Vigipirate, [les parents n'entrent plus dans l'établissement|les sacs seront contrôlés|l'accès au parking est fermé] [jusqu'à nouvel ordre|à partir de {day}].",
		"Consignes de sécurité (Vigipirate) : [signalez tout colis suspect|ne laissez pas de sac sans surveillance] {placeIn}.",
	}, 0.05, false},
	{"head_letter", "benign", []string{
		"Madame, Monsieur, [hier|ce matin|{day}], notre établissement a reçu [un message menaçant|une alerte à la bombe|des menaces d'attentat]. [La police a effectué une levée de doute|Les forces de l'ordre sont intervenues], [aucun danger n'a été constaté|il s'agissait d'un canular]. Les cours reprennent normalement.",
		"[Comme de nombreux collèges|Comme d'autres établissements], nous avons été visés par [des messages de menaces|une fausse alerte à la bombe]. Une plainte a été déposée et une cellule d'écoute est ouverte.",
		"Un élève a écrit qu'il allait [poser une bombe|venir armé|tuer des camarades]. [Nous avons prévenu la police|Une procédure disciplinaire est engagée|Ses parents ont été convoqués].",
		"Suite aux menaces [reçues|publiées] sur les réseaux sociaux, [la gendarmerie sera présente|un signalement a été fait au procureur]. Nous vous remercions de votre calme.",
		"Des messages annonçant [une bombe|un attentat|une fusillade] [ont été envoyés|circulent] ; il s'agit d'un canular, la police [enquête|a identifié l'auteur].",
	}, 0.05, false},
	{"lesson", "benign", []string{
		"En [histoire|EMC|cours d'histoire], nous étudierons [l'attentat de Sarajevo|les attentats du 11 septembre|la Terreur|la Seconde Guerre mondiale|le terrorisme en Europe] {day}.",
		"Le devoir [porte sur|concerne] [les attentats de 2015|l'assassinat d'Henri IV|la bombe d'Hiroshima|la guerre d'Algérie]. À rendre {day}.",
		"Hommage à {victim} {day} à {hour} : minute de silence [dans la cour|dans les classes], [lecture de la lettre de Jaurès|les élèves peuvent apporter une fleur].",
		"[Exposé|Chapitre] : [comment Daech recrutait des jeunes|la radicalisation et ses dangers|la laïcité après l'assassinat de Samuel Paty]. Lisez les pages 120 à 135.",
		"Dans Macbeth, le roi est [tué|assassiné|poignardé] pendant son sommeil ; analysez la scène pour {day}.",
		"La fiche sur la Révolution : les émeutiers [brûlent|incendient|attaquent] les châteaux pendant la Grande Peur.",
	}, 0.05, false},
	{"chemistry", "benign", []string{
		"En TP de chimie, [la bombe calorimétrique|le calorimètre] sert à mesurer l'énergie des aliments.",
		"La réaction [du sodium avec l'eau|de l'hydrogène avec l'oxygène] est explosive : [lunettes obligatoires|le professeur fera la démonstration] {day}.",
		"[Contrôle de physique|Évaluation] {day} : combustion, explosion et énergie chimique, chapitre 6.",
		"Le volcan de la classe de SVT va [exploser|entrer en éruption] {day} à {hour}, venez voir la démonstration !",
	}, 0.05, false},
	// Second pupil-chat round: praise of a named attack's perpetrators,
	// phishing that asks for a reply, and the look-alikes (match scores,
	// reports of past attacks). A hoax family without a weapon word (gas
	// bottles, charges) was tried and dropped: the model learnt « gaz » and
	// held the chemistry family (see docs/screen/NOTES.md).
	{"praise_named", "terror_apology", []string{
		"[Gloire|Honneur|Respect|Bravo|Merci] aux [frères|combattants|martyrs|lions|moudjahidines] [du 13 novembre|du Bataclan|de Charlie Hebdo|de l'Hyper Cacher|du 14 juillet à Nice|du 7 janvier][, ils ont montré la voie|, qu'Allah les accepte|, d'autres suivront|].",
		"[que Dieu accorde le paradis|paradis éternel|respect éternel] aux [frères|combattants|martyrs] [du Bataclan|de Nice|du 13 novembre][, ils ont eu raison|].",
		"[vive|vivent] les [frères|martyrs|combattants] [du 13 novembre|de Charlie|d'Arras][, on fera pareil|, inchallah d'autres|]",
	}, 0.25, false},
	{"phish_reply", "phishing", []string{
		"{greet}[Le service informatique|Le support ENT|L'équipe Pronote|Le secrétariat de l'académie] : [merci de répondre à ce message avec|renvoyez par retour de mail|transmettez-nous en réponse] votre [identifiant et votre mot de passe|mot de passe ENT|code de validation reçu par SMS|RIB et votre numéro de carte bancaire][ avant {day}| sous 24h|].",
		"[slt|salut|coucou] c'est [le support de {game}|un modo de {game}|le prof de techno], [donne-moi|envoie-moi|passe-moi] [ton mdp|ton mot de passe|le code reçu par SMS|le code de double authentification] [pour recevoir tes {cur}|pour corriger ton devoir|c'est urgent|]",
		"[Pour le remboursement de la sortie|Pour la bourse|Pour valider le paiement de la cantine], [renvoyez|envoyez] votre [RIB|IBAN|numéro de carte bancaire] et le code reçu par SMS [en réponse à ce message|par retour de courriel].",
	}, 0.2, false},
	{"score_report", "benign", []string{
		"[On les a explosés|On les a écrasés|On les a tués|On les a massacrés|On a détruit {team}] [5-0|31-12|3 à 1|4-2|40 à 3] {sport}[, bravo à tous|, le coach est fier| 💪|].",
		"[Hommage à|Pensée pour|Minute de silence pour] [Samuel Paty|Dominique Bernard|les victimes du 13 novembre], [assassiné|tué|tués] [à Arras|à Conflans|en 2020|en 2023|le 13 novembre 2015][, {day} à {hour}|].",
		"[Le documentaire|Le cours d'histoire|L'exposé] [parle|porte] [d'un professeur tué à Arras en 2023|des policiers tués à Magnanville en 2016|des journalistes assassinés en 2015].",
		"[La boum|Une boum|Notre boum] [des 5e|du CM2|de fin d'année] [aura lieu|c'est] {day} à {hour}[ au foyer| dans la salle des fêtes|], ramenez [des gâteaux|de la musique|vos amis].",
		"[Ne communiquez jamais|Ne donnez jamais|Personne ne vous demandera] [votre mot de passe|le code reçu par SMS|votre RIB] [par message|en réponse à un mail|], [même au service informatique|c'est une arnaque|].",
	}, 0.2, false},
	{"sports_hyperbole", "benign", []string{
		"[on va tout exploser|on va les exploser|on va tout défoncer|on va les massacrer|on va les tuer|on va tout casser] {sport}[ 💪|!|, allez les bleus|]",
		"[Notre attaque a massacré leur défense|On les a tués 5-0|On a explosé {team}|On a défoncé {team}] {sport}[ !|, trop fier|].",
		"{team}, [préparez-vous|vous allez souffrir] {sport}, on va vous [exploser|écraser|détruire] 😂",
		"[Le prof de sport|Le coach] a dit qu'on allait [tuer|exploser] {team} si on s'entraîne bien.",
	}, 0.2, false},
	{"jokes_games", "benign", []string{
		"[Je te tue|Je vais te détruire|Je t'explose] [à|au] {game} ce soir [mdr|😂|lol|ptdr]",
		"[Ce contrôle m'a tué|Je suis mort de rire|J'ai cru mourir de rire|Cette blague m'a tué] [mdr|😂|lol|]",
		"[J'ai fait sauter la banque au Monopoly|Le prof a fait exploser le record de mauvaises notes|Ma sœur m'a tuée avec sa blague] [mdr|😂|].",
		"[Tu joues|On joue] à {game} [ce soir|après les cours] ? J'ai [débloqué|acheté] un nouveau skin.",
		"[J'ai téléchargé|Mon frère a acheté] {game} sur [Steam|le Play Store|l'App Store], [c'est trop bien|il est en promo].",
		"La partie de {game} d'hier c'était [de la bombe|une tuerie|trop bien], on rejoue {day} ?",
	}, 0.2, false},
	{"security_advice", "benign", []string{
		"Attention : de faux messages demandent vos identifiants ENT. [Ne cliquez pas sur les liens|Ne communiquez jamais votre mot de passe], le collège ne vous le demandera jamais.",
		"Méfiez-vous des sites qui promettent des {cur} gratuits ou des cheats pour {game} : ce sont des arnaques qui volent les comptes.",
		"[Rappel|Prévention] : [un générateur de {cur}|un crack de jeu|un faux site de {game}] peut installer un virus. Parlez-en à un adulte.",
		"Pour changer votre mot de passe ÉduConnect, passez uniquement par {okLink}.",
	}, 0.05, false},
	{"school_ordinary", "benign", []string{
		"Réunion parents-professeurs {day} à {hour} [en salle 204|au CDI|dans le réfectoire]. Merci de confirmer votre présence.",
		"N'oubliez pas [vos affaires de sport|la sortie au musée|le devoir de maths|l'autorisation signée] pour {day}.",
		"Le questionnaire sur la cantine est en ligne : {okLink}. Merci de le remplir avant {day}.",
		"[Salut|Coucou], t'as fini l'exo de maths ? [Je bloque à la question 3|On se retrouve au CDI à {hour} ?]",
		"Les inscriptions au voyage [en Espagne|à Berlin|au ski] sont ouvertes jusqu'à {day}. Informations sur {okLink}.",
		"Le cours de {hour} est annulé, [le professeur est absent|salle 204 indisponible]. Permanence au CDI.",
		"Bravo à {name} pour sa victoire au [cross|concours de dessin|tournoi d'échecs] !",
		"La cantine sera fermée {day}, prévoyez un pique-nique.",
	}, 0.1, false},
	{"pupil_banter", "benign", []string{
		"[demain|ce soir|après les cours] [je vais|on va|jvais] te [battre|défoncer|éclater|démonter] [au ping-pong|à Mario Kart|aux échecs|au badminton|au foot]{pupilEnd}",
		"[viens|vien] [à la sortie|au parc|en bas de chez moi|au CDI] [on va au McDo|on révise ensemble|je te rends ton livre|on joue au foot]{pupilEnd}",
		"[tu vas voir|tu verras], [le film est trop bien|c'est facile en fait|la prof est sympa|le voyage va être génial]{pupilEnd}",
		"[fais attention à toi|rentre bien|prends soin de toi], [il neige|la route glisse|t'as l'air fatigué]{pupilEnd}",
		"[je passe te chercher|je viens te chercher|on vient te chercher] [à la sortie|à 17h|devant le collège|au bus]{pupilEnd}",
		"[la prof a dit|le prof d'EPS a dit] qu'on allait [se faire défoncer|en prendre plein la tête|souffrir] au [contrôle|cross|bac blanc]{pupilEnd}",
		"[si tu|si jamais tu] [veux|as besoin], [je te prête mes notes|on révise ensemble|je t'aide pour l'exo]{pupilEnd}",
		"[ce contrôle va me tuer|la prof va me tuer si j'oublie encore mon livre|ma mère va me tuer, j'ai perdu mes clés]{pupilEnd}",
	}, 0.2, false},
	// Ordinary pupil chat with the words of a threat: games, sport,
	// laughter, things lent and brought, pot plants, school notices.
	{"chat_ordinary", "benign", []string{
		"{nameOpt}[jte jure|je te jure|frr] [je vais|jvais|on va] te [tuer|défoncer|massacrer|fumer|éclater] [au foot|à FIFA|au ping|à Brawl Stars|au basket|au quiz de maths] {chatTime}{pupilEnd}",
		"[t'es mort de rire|je suis mort de rire|jsuis mort|mort de rire|ptdr je suis morte] [avec ta vidéo|avec ce mème|avec la prof de musique|avec ta tête sur la photo]{pupilEnd}",
		"[jvais|je vais|je peux] te [ramener|rendre|prêter] [ton chargeur|ta trousse|ton cahier|tes écouteurs|ton pull|ta calculette] {chatTime}{pupilEnd}",
		"[tu vas voir|tu verras] {chatTime}[,|] [le film est ouf|c'est trop bien|le prof est trop sympa|ça passe vite|t'inquiète ça va aller]{pupilEnd}",
		"[ça|sa] va mal finir [cette série|ce film|cette histoire entre eux|mon bulletin] [mdr|ptdr|😂|lol]",
		"[je ramène|jramène|j'amène] [des gâteaux|un truc à manger|des bonbons|mon ballon|la plante de ma mère|mes cartes Pokémon] [au lycée|au collège|à la récré|en cours] {chatTime}{pupilEnd}",
		"[on met le feu|on va mettre le feu] [à la soirée|au dancefloor|à la boum|à la fête de fin d'année] {chatTime}{pupilEnd}",
		"[t'es où|t ou|tes ou] ? [réponds|je t'attends|le bus part] {chatTime}{pupilEnd}",
		"[g|j'ai|jai] [oublié|perdu|laissé] [mon cahier|ma carte de cantine|mes clés|mon téléphone] [au CDI|en salle 12|au gymnase|chez toi]{pupilEnd}",
		"[c trop|c'est trop|cest trop] [bien|drôle|nul|long] [le cours de svt|la sortie|ce jeu|ce livre]{pupilEnd}",
		"[arrose|pense à arroser|n'oublie pas] la plante [de la classe|du CDI|sur le rebord] {chatTime}{pupilEnd}",
		"[la sortie|la réunion|l'inscription|la visite médicale|la tenue de sport] est obligatoire {chatTime}, [pensez à l'autorisation|merci de prévenir la vie scolaire|rendez le coupon]",
		"[ma mère va me tuer|le prof va me tuer|la CPE va me tuer], [j'ai oublié|jai encore oublié|g oublié] [mon carnet|ma punition|le devoir]{pupilEnd}",
	}, 0.6, true},
	// Fourth round: threats that name an outcome and no act, slang act
	// verbs aimed at a person, allusions to a past attack, justification
	// of an attack; and their look-alikes: hyperbole on things, « tu vas
	// pas le regretter », « retenez la date » of a school event, lessons
	// on school shootings, « ils ont eu raison de… ».
	{"pupil_outcome", "violent", []string{
		"{nameOpt}[tu vas pas|tu vas jamais|tu risques pas de] [rentrer|repartir|sortir] [entier|entière|vivant|indemne] [ce soir|{chatTime}|de la sortie|de ce parc]{pupilEnd}",
		"{nameOpt}[on va te faire regretter|je vais te faire regretter|jvais te faire regretter|on te fera regretter] [d'être né|ta vie|d'avoir parlé|d'avoir balancé]{pupilEnd}",
		"{nameOpt}tu vas [le regretter|le payer|le payer cher|regretter] [{chatTime}|quand tu sors|à la sortie][, crois-moi|, jte jure|]{pupilEnd}",
		"{nameOpt}[personne|aucun de vous] [sortira|ne sortira] [vivant|entier] [de la sortie|du parc|du gymnase] {chatTime}{pupilEnd}",
		"{nameOpt}[t'inquiète|tkt|ok] [on te chope|on va te choper|jte chope|je vais te choper] [{chatTime}|à la sortie|au bus], [tu vas voir|t'es fini|prépare-toi]{pupilEnd}",
	}, 0.6, true},
	{"place_outcome", "threat", []string{
		"[Vous avez jusqu'à|Il vous reste jusqu'à] {hour}. [Après|Ensuite|Passé ce délai], {place} [n'existera plus|va plus exister|ne sera plus qu'un souvenir].",
		"{greet}{day}, {place} [n'existera plus|sera rayé de la carte|ne restera pas debout].{close}",
		"[Dernier avertissement|Dernière chance] : {time} il ne restera plus rien [du collège|du lycée|de {place}].{close}",
	}, 0.2, false},
	{"slang_threat", "violent", []string{
		"{nameOpt}[jvais|je vais|on va] [tous |]vous [fumer|allumer|terminer|refroidir|savater] {chatTime}{pupilEnd}",
		"{nameOpt}[jvais|je vais|on va] [te|lui] [fumer|allumer|terminer|refroidir|démolir|fracasser] [{chatTime}|à la sortie|derrière le gymnase]{pupilEnd}",
		"{name} [jlui|je lui|on lui] [plante|mets|enfonce] un [cutter|compas|couteau|tournevis] dans [le bide|le ventre|la jambe|le dos] {chatTime}{pupilEnd}",
	}, 0.6, true},
	{"allusion_threat", "threat", []string{
		"[ce sera|ça va être|ça sera] comme à [Columbine|Parkland|Winnenden|Uvalde|Kertch][ mais en pire| version française|], [retenez|notez|souvenez-vous de] la date[ du {day}|]{pupilEnd}",
		"[retenez|notez] bien la date, {day} [{place} va finir comme|ce sera] [Columbine|Parkland|Winnenden]{pupilEnd}",
		"{day} à {hour}, [comme à|genre] [Columbine|Parkland|Uvalde]. [Vous êtes prévenus|Retenez la date|Je rigole pas].",
	}, 0.3, true},
	{"justify_attack", "terror_apology", []string{
		"[les frères|ceux] qui ont [attaqué|frappé] [Charlie|le Bataclan|Nice|le prof de Conflans] [ont eu raison|ont bien fait]{pupilEnd}",
		"[Charlie|Samuel Paty|ce prof avec ses caricatures|les journalistes de Charlie] [l'a bien cherché|l'ont bien cherché|c'était mérité|bien fait pour eux]{pupilEnd}",
		"[franchement|honnêtement|wallah] [l'attentat de Nice|le Bataclan|Charlie Hebdo|l'attaque d'Arras] c'était [mérité|bien fait], [ils insultaient|fallait pas insulter] [le prophète|l'islam]{pupilEnd}",
	}, 0.4, true},
	{"thing_hyperbole", "benign", []string{
		"[jvais|je vais|on va] [le|la] [tuer|défoncer|massacrer|exploser|fumer|démolir] [ce contrôle|cette interro|ce DM|ce boss|ce niveau|ce bac blanc|cet exo|ce partiel] [{chatTime}|de maths|d'anglais][, j'ai trop révisé|, tkt|]{pupilEnd}",
		"[on a|j'ai] [défoncé|explosé|massacré|tué] [le contrôle|l'interro|le boss final|le niveau 8|le record|le QCM] {chatTime}{pupilEnd}",
		"[ce contrôle|cette interro|ce DM|le bac blanc] va me [tuer|détruire|achever]{pupilEnd}",
		"je vais [allumer|éteindre] [la télé|le barbecue|les bougies|la lumière|la console] {chatTime}{pupilEnd}",
	}, 0.5, true},
	{"outcome_benign", "benign", []string{
		"[tu vas pas le regretter|vous allez pas le regretter|tu le regretteras pas], [le film|le voyage|ce resto|le concert|la sortie au musée] [est génial|est top|vaut le coup]{pupilEnd}",
		"[Retenez|Notez] la date : [le spectacle de fin d'année|le conseil de classe|la kermesse|le cross du collège] aura lieu {day} à {hour}.",
		"[Comme à|Comme pour] [la kermesse|la fête|la sortie] de l'an dernier, [apportez un pique-nique|les parents sont invités|on finira à 16h].",
		"[En anglais|En cours d'anglais|En EMC], nous étudierons [la fusillade de Columbine|le débat sur les armes aux États-Unis après Parkland|la tuerie de Columbine en 1999].",
		"Les juges [ont eu raison|ont bien fait] de [relaxer Charlie Hebdo|défendre la liberté d'expression], [débat en EMC|lisez l'article pour jeudi].",
		"[il a eu raison|t'as eu raison|elle a bien fait] de [prévenir la CPE|parler au prof|rentrer tôt]{pupilEnd}",
	}, 0.3, true},
	{"quote_counter", "benign", []string{
		"Dire « {killFut} » à un camarade [n'est pas une blague|est puni par la loi|peut mener au conseil de discipline] : [parlons-en en vie de classe|signalez-le à la vie scolaire].",
		"Si quelqu'un t'écrit [qu'il va te frapper|« t'es mort »|des menaces], [parle à un adulte|fais une capture d'écran et préviens la CPE].",
		"[Le harcèlement|Les menaces] [ça suffit|n'ont pas leur place au collège] : numéro 3018 pour en parler.",
	}, 0.05, false},
	// Fifth round: glorification by a praise predicate, intimidation by a
	// place of harm; and their look-alikes: praise of victims and of
	// anyone else, a fall that ended in hospital, the speaker who
	// explodes or dies of laughing, narrated fiction, the lab, the kitchen
	// and hunting.
	{"glorify_pred", "terror_apology", []string{
		"{attacker} [est|restera|sera toujours|reste] [un exemple|un modèle|un héros|une légende|une inspiration] [pour la jeunesse|pour nous|pour tous les frères|][, faut suivre son chemin|, qu'Allah l'accepte|]{pupilEnd}",
		"[les frères|les combattants|les moudjahidines|les lions|les soldats] [du Bataclan|de Nice|du 13 novembre|de Charlie|de l'Hyper Cacher] [sont|resteront|seront toujours] des [héros|modèles|exemples|légendes|lions]{pupilEnd}",
		"[celui|le frère|le mec|le gars] qui a [tué|égorgé|décapité|attaqué] [Samuel Paty|le prof d'Arras|les dessinateurs|les gens à Nice], c'est [un vrai soldat|un héros|un modèle|une légende]{pupilEnd}",
		"{event} c'était [trop bien|magnifique|un bon début|un beau travail], [fallait|il fallait|il aurait fallu|faudrait] en [tuer|écraser|faire|avoir] [plus|encore plus]{pupilEnd}",
		"ceux qui [défendent|vengent] [le prophète|l'islam|la religion] [par les armes|avec des couteaux|en tuant] sont des [héros|modèles|martyrs|lions][, pas des criminels|, pas des terroristes|]{pupilEnd}",
	}, 0.4, true},
	{"glorify_benign", "benign", []string{
		"{victim} [est|restera|sera toujours] [un exemple|un modèle|un héros|une inspiration] pour [nous tous|la République|les enseignants|les élèves].",
		"Les [victimes|otages|policiers|pompiers|soignants|survivants] [du Bataclan|de Nice|de Charlie Hebdo|d'Arras|du 13 novembre] sont des [héros|martyrs de la liberté|exemples de courage].",
		"[Zidane|Mbappé|Thomas Pesquet|Simone Veil|Marie Curie|mon grand-père|ma mère|la prof de maths] [est|reste] [un exemple|un modèle|une légende|une inspiration|mon héros] pour [moi|la jeunesse|nous tous]{pupilEnd}",
		"Les [terroristes|frères Kouachi|assassins de Samuel Paty|auteurs de l'attentat] ne sont pas des [héros|modèles|martyrs], ce sont des [criminels|assassins|lâches].",
		"En EMC : pourquoi présenter {attacker} comme un [héros|modèle|exemple] relève-t-il de l'apologie du terrorisme ?",
	}, 0.2, true},
	{"outcome_place", "violent", []string{
		"{nameOpt}[tu vas|vous allez tous|tu vas direct|toi et ta bande vous allez] [finir|terminer|atterrir] [à l'hôpital|à l'hosto|aux urgences|au cimetière|à la morgue|en réa|en fauteuil roulant|entre quatre planches][ {chatTime}|]{pupilEnd}",
		"{nameOpt}[si tu|la prochaine fois que tu|si jamais tu] [parles|balances|recommences|touches à ma sœur], tu [finis|termines|dors|repars] [à l'hosto|aux urgences|à la morgue|sur une civière|en fauteuil]{pupilEnd}",
		"{nameOpt}[jte jure|je te jure|wallah|sur ma mère] [tu vas|tu vas direct|vous allez] [dormir|finir|atterrir] [à l'hosto|au cimetière|à la morgue|aux urgences] {chatTime}{pupilEnd}",
	}, 0.6, true},
	{"outcome_place_benign", "benign", []string{
		"[ma grand-mère|mon père|le prof de sport|mon petit frère] a [fini|terminé la soirée|atterri] [à l'hôpital|aux urgences] [après sa chute|pour une appendicite|mais ça va mieux]{pupilEnd}",
		"[je vais|j'ai failli|jvais] finir aux urgences [avec ce rhume|tellement j'ai mal au ventre|avec mon entorse]{pupilEnd}",
		"[ma mère|ma tante|l'infirmière|mon père] finit [à l'hôpital|aux urgences] à [19h|20h|minuit] [ce soir|demain|cette semaine]{pupilEnd}",
		"Sortie au [cimetière américain de Colleville|cimetière du Père-Lachaise|mémorial de Verdun] {day} pour le cours d'histoire.",
	}, 0.3, true},
	{"speaker_state", "benign", []string{
		"[je vais|jvais|j'vais|j'en peux plus je vais] [exploser|craquer|péter un câble|péter un plomb|mourir de rire|exploser de rire] [si on a encore un contrôle|avec tous ces devoirs|si elle recommence|avant les vacances|]{pupilEnd}",
		"[je brûle|je crève|je meurs|jsuis en train de crever] de [chaud|fièvre|faim|soif|honte|impatience] [dans cette salle|en cours|depuis ce matin|]{pupilEnd}",
		"[j'ai cru|j'ai failli|jai cru] [exploser|mourir|crever] de [rire|honte|colère] [quand le prof est tombé|en voyant sa tête|pendant l'oral]{pupilEnd}",
		"[si j'entends encore cette chanson|encore une heure de maths et|si ma sœur me pique encore mon chargeur] [je vais exploser|je pète un câble|je craque|je vais péter les plombs]{pupilEnd}",
	}, 0.5, true},
	{"fiction_narration", "benign", []string{
		"Dans [le film|la série|le manga|le roman|l'épisode d'hier|le jeu], [le méchant|le héros|le tueur|le personnage principal|il] [fait exploser|brûle|tue|poignarde|tire sur] [tout le monde|la ville|le pont|ses ennemis|le lycée]{pupilEnd}",
		"[hier soir|ce week-end] on a regardé {film}, [le héros|il|elle] [tue|massacre|fait exploser] [tous les zombies|tout le monde|la base ennemie|ses ennemis]{pupilEnd}",
		"[t'as vu|tu as vu] [le dernier épisode|la saison 2|le film] ? [le méchant|le tueur] [attaque|tue|poignarde] [les ados|ses victimes|toute la famille] [dans le lycée|dans la forêt|au bal]{pupilEnd}",
		"Pour le cours de français, lisez [le roman|la nouvelle|la pièce] : [le héros|Jean Valjean|Macbeth|le narrateur] [tue|assassine|brûle] [le roi|son rival|la maison|son ennemi].",
	}, 0.3, true},
	{"lab_hunt", "benign", []string{
		"[En TP|Au labo|En chimie], on va [faire brûler|brûler|faire exploser] [du magnésium|du sodium|une bulle de dihydrogène|un ballon d'hydrogène|un morceau de sucre] [sous la hotte|avec des lunettes|devant la classe|{day}].",
		"Recette : [faire flamber|flamber] [les bananes|les crêpes] au rhum, puis [brûler|caraméliser] le sucre au chalumeau.",
		"[Mon père|Mon oncle|Mon grand-père] [chasse|va à la chasse] [le sanglier|le chevreuil|le faisan] [le week-end|en automne], il [range son fusil dans un coffre|a son permis de chasse|tire sur des cibles pour s'entraîner].",
		"Le club de tir [sportif|de la ville] accueille les jeunes : [carabine|pistolet à air comprimé|tir sur cibles] le {day}.",
		"[Au biathlon|Au ball-trap|Au stand de tir], [j'ai tiré|on a tiré] sur [les cibles|les plateaux] [toute la matinée|{day}]{pupilEnd}",
		"[Il|Mon oncle] a abattu [un sanglier|un cerf|un chevreuil] [à la chasse|ce week-end], [mon père était fier|on mange du civet ce soir].",
	}, 0.2, true},
	// Sixth round: bodily harm by any verb on a part of the body, calls
	// to fight, intimidation through the reader's kin or home, one-time
	// codes asked for; and their look-alikes.
	{"body_harm", "violent", []string{
		"{nameOpt}[je vais|jvais|on va|j'vais|je vais direct|on va devoir] [te|lui] [ouvrir|arracher|coudre|fendre|tordre|retourner|déchirer|refaire|écraser|enfoncer|broyer|démonter|plier|dévisser|recoudre] [la tête|le crâne|la bouche|les dents|le nez|la mâchoire|le bras|les côtes|la gueule|le visage|les doigts|la langue|les genoux]{pupilEnd}",
		"{nameOpt}[si tu|la prochaine fois que tu|si jamais tu] [parles|balances|recommences|me cherches|touches à mon frère], [je te|on te|jte] [fais manger|fais avaler|fais bouffer] [tes dents|ton nez|ta langue|tes doigts]{pupilEnd}",
		"{nameOpt}[je te|jte|on te|je vous] [retourne|fends|ouvre|arrache|tords|démonte] [la tête|le crâne|la mâchoire|le bras|la gueule|les doigts] {chatTime}{pupilEnd}",
	}, 0.6, true},
	{"body_benign", "benign", []string{
		"[je vais|jvais|je peux|tu veux que je] te [laver|brosser|coiffer|masser|tenir|tresser|sécher|lisser|soigner] [les cheveux|la main|le dos|les mains|le bras|les épaules] [avant le spectacle|ce soir|si tu veux|]{pupilEnd}",
		"[Le médecin|L'infirmière|Le dentiste|Le kiné] va [te|lui|vous] [soigner|examiner|regarder|masser|plâtrer] [les dents|le bras|la cheville|le genou|le dos] {day}.",
		"[J'ai|Il a|Elle a|Mon frère a] mal [à la tête|au dos|aux dents|au bras|au genou|à la gorge] [depuis ce matin|après le sport|depuis le match]{pupilEnd}",
		"[Je me suis|Il s'est|Elle s'est] [cassé|tordu|ouvert|fait mal à] [le bras|la cheville|le genou|la lèvre|le doigt|l'épaule] [au foot|au ski|en EPS|à la récré]{pupilEnd}",
		"[Pour le spectacle|Pour la photo|Pour le carnaval], on va te [maquiller|coiffer|peindre|décorer] [le visage|les joues|la figure|les mains]{pupilEnd}",
		"[Mamie|Ma mère|Mon père] m'a dit : [je te tiens la main|je te serre la main|je te prends la main] pour traverser{pupilEnd}",
	}, 0.3, true},
	{"fight_call", "violent", []string{
		"{nameOpt}[on se bat|on va se battre|on se bagarre|viens on se bat|on se fight|on règle ça, on se bat] [à la sortie|derrière le gymnase|devant le lycée|au parc|aux toilettes|au city|devant le portail|] {chatTime}{pupilEnd}",
		"{nameOpt}[tu veux te battre|tu veux qu'on se batte|t'es chaud pour te battre|tu veux te fight] [à la sortie|derrière le gymnase|{chatTime}|] ?{pupilEnd}",
		"{nameOpt}[viens|vient|venez|ramène-toi] [en face|1v1|en 1v1] [à la sortie|devant le collège|derrière le gymnase|au city|aux toilettes] [si t'es un homme|si t'as du courage|on règle ça|t'es mort|] {chatTime}{pupilEnd}",
	}, 0.6, true},
	{"fight_benign", "benign", []string{
		"[on se bat|il faut se battre|je me bats|on va se battre|ils se battent] pour [nos droits|le climat|gagner le match|la planète|l'égalité|nos rêves|la liberté]{pupilEnd}",
		"[tu veux|viens|on se fait un] [jouer en 1v1|faire un 1v1|1v1] [sur Fortnite|au foot|au basket|à FIFA|sur Brawl Stars|au ping-pong] {chatTime}{pupilEnd}",
		"[la boulangerie|le bus|la pharmacie|l'arrêt de bus|le stade] est en face [du collège|de la gare|de chez moi|du lycée]{pupilEnd}",
		"[ils se sont battus|deux élèves se sont battus|des 4e se sont bagarrés] [hier|à la récré|à la cantine] et le CPE les a [punis|convoqués|séparés]{pupilEnd}",
		"[Arrêtez de vous battre|Ne vous battez pas|On ne se bat pas], [on règle ça avec le CPE|parlez-en à un adulte|venez en médiation] {chatTime}.",
		"[Le médiateur|La CPE|Le prof principal] explique comment [éviter de se battre|réagir si on se bat|régler un conflit sans se battre] [en heure de vie de classe|en EMC|{day}].",
	}, 0.3, true},
	{"kin_intim", "violent", []string{
		"{nameOpt}[je sais|on sait|je connais] où [tu habites|habite ta mère|habite ta famille|ta sœur va à l'école|ton frère fait du foot][, réfléchis bien|, fais gaffe|, la prochaine fois|, sinon tu vas voir|]{pupilEnd}",
		"{nameOpt}[si tu|la prochaine fois que tu|si jamais tu] [parles|balances|recommences|continues] [je viens|on vient|je passe|j'arrive|on débarque] [chez toi|en bas de chez toi|chez ta mère|voir ta petite sœur]{pupilEnd}",
		"{nameOpt}[je vais|on va|jvais] [venir|passer|attendre ta sœur|chercher ton petit frère|attendre ta mère] [chez toi|en bas de chez toi|devant chez toi|à la sortie de son école] {chatTime}[, sinon|, t'as compris|, réfléchis|]{pupilEnd}",
	}, 0.6, true},
	{"kin_benign", "benign", []string{
		"[je passe|je viens|on passe] [chez toi|te chercher chez toi] [ce soir|demain|après les cours] pour [réviser|le DM|le devoir de maths|la fête|jouer]{pupilEnd}",
		"[je vais|je peux|je viendrai] chercher [ta sœur|ton frère|ta petite sœur] à l'école [si ta mère est en retard|à 16h30 comme prévu|demain]{pupilEnd}",
		"[je connais|on connaît] [ta mère|ton frère|ta sœur|ta cousine], [elle est trop gentille|il est dans ma classe|elle était à mon anniv]{pupilEnd}",
		"si tu veux [je passe chez toi|on va chez toi|je viens chez toi] [après les cours|ce week-end|mercredi] pour [jouer|réviser|regarder le match]{pupilEnd}",
		"Madame, je viendrai chercher votre fils [à la sortie du collège|devant chez vous] [à 17h|mardi|{day}], comme convenu.",
		"[ma mère|mon père] connaît [ta mère|tes parents] depuis [le CP|longtemps], [on passe chez toi|je viens chez toi] [samedi|après le match] pour [ton anniv|le goûter]{pupilEnd}",
	}, 0.3, true},
	{"otp_relay", "phishing", []string{
		"[Salut|Coucou|Yo|Hello] c'est [moi|{name}], [j'ai changé de téléphone|j'ai perdu mon tel|mon compte est bloqué], [tu peux me renvoyer|envoie-moi|donne-moi|tu peux me transférer] le code [que tu viens de recevoir|reçu par SMS|à 6 chiffres que tu as reçu][ stp| svp| vite|]",
		"[Hey|Hi], it's {name}, [can you send me|please forward me|just text me] the [code|verification code|6-digit code] you [just got|received] by [text|SMS][, it's for the group chat|, my phone is broken|]",
		"[Please reply with|Send me|Give me] your [password|passcode] [so we can fix your account|to keep your account|for the school survey]{pupilEnd}",
	}, 0.2, false},
	// Seventh round: school_ruin, school_device and their look-alikes
	// ruin_benign, device_benign (a threat whose act is the school's ruin
	// told as an image, or a device claimed in it) were written and trained
	// on in 3044ebb, then left out: they raised the model's line and cost
	// real threats (grouped CV, threats from the mhc chats 0.693 → 0.637,
	// violent 0.745 → 0.720, benign held 0.009 → 0.013). The rules
	// (readRuin, readDevice) hold those shapes without them.
	{"otp_benign", "benign", []string{
		"[Votre|Ton] code de [vérification|connexion|confirmation] est [482913|104772|559301]. Il expire dans 10 minutes. Ne le communiquez à personne.",
		"[Ne donnez jamais|Ne transmettez jamais|Ne partagez jamais] le code reçu par SMS, même à [un ami|un camarade|quelqu'un qui se dit du collège].",
		"[Never share|Don't give|Do not send] your [password|code] to anyone, even [a friend|a teacher|the school].",
		"[J'ai reçu|Tu as reçu] un code par SMS pour [me connecter|te connecter] à [l'ENT|Pronote], [c'est normal|c'est la double authentification]{pupilEnd}",
	}, 0.2, false},
}

// optional families are generated only when named (GenerateWith).
var optional []family

// OptionalFamilies returns the optional family names with their labels.
func OptionalFamilies() map[string]string {
	m := map[string]string{}
	for _, f := range optional {
		m[f.name] = f.label
	}
	return m
}

// Families returns the family names with their labels, sorted by name.
func Families() map[string]string {
	m := map[string]string{}
	for _, f := range families {
		m[f.name] = f.label
	}
	return m
}

// Generate returns perFamily distinct messages for each family (fewer when
// a family cannot make that many), deterministically from seed.
func Generate(seed uint64, perFamily int) []Example {
	return GenerateWith(seed, perFamily, nil)
}

// GenerateWith is Generate with the optional families named in with.
func GenerateWith(seed uint64, perFamily int, with map[string]bool) []Example {
	var out []Example
	fams := append([]family(nil), families...)
	for _, f := range optional {
		if with[f.name] {
			fams = append(fams, f)
		}
	}
	sort.Slice(fams, func(i, j int) bool { return fams[i].name < fams[j].name })
	for _, f := range fams {
		r := rand.New(rand.NewPCG(seed, nameSeed(f.name)))
		x := &expander{r: r, slots: slots}
		seen := map[string]bool{}
		for tries := 0; len(seen) < perFamily && tries < perFamily*20; tries++ {
			t := f.templates[r.IntN(len(f.templates))]
			s := x.expand(t)
			if r.Float64() < f.obfuscate {
				if f.chat {
					s = chatSpell(r, s)
				} else {
					s = obfuscate(r, s)
				}
			}
			if seen[s] {
				continue
			}
			seen[s] = true
			out = append(out, Example{Text: s, Label: f.label, Family: f.name})
		}
	}
	return out
}
