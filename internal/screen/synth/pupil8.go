package synth

// Eighth round A: threats between pupils in their own words, and their
// look-alikes in games, sport and everyday talk. Each family is held out
// whole in the grouped cross-validation; none is written from a held-out
// set or from the chats of the shared corpus.

func init() {
	families = append(families, pupilFamilies...)
}

var pupilFamilies = []family{
	// Slang verbs of beating or destroying, aimed at the reader.
	{"pupil_slang8", "violent", []string{
		"{nameOpt}[jvais|je vais|j'vais|on va|mes potes vont] [te|vous] [soulever|détruire|écraser|allonger|attraper|déchirer|éteindre|dérouiller|rétamer|bousiller|amocher|enterrer|démonter|éclater|fumer] {chatTime}{pupilEnd}",
		"{nameOpt}[tu remets les pieds ici|tu recommences|tu parles encore sur moi|tu touches à mon frère], [jte|je te|on te] [soulève|détruis|écrase|allonge|dérouille|rétame|bousille|démonte|éclate|fume]{pupilEnd}",
		"{nameOpt}[wsh|frr|ecoute] [je vais|jvais|on va] [vous|te] [écraser|détruire|soulever] [tous|un par un|toi et tes potes] {chatTime}{pupilEnd}",
	}, 0.6, true},
	// A blow: given by the speaker, aimed at a part of the body, or got
	// by the reader.
	{"pupil_blow", "violent", []string{
		"{nameOpt}[jte mets|je vais te mettre|jvais te coller|je te colle|on va te mettre|je vais te filer] [une droite|une patate|une baffe|une gifle|une mandale|un coup de poing|des coups de pied|une balayette|une beigne|une claque] [si tu recommences|{chatTime}|devant tout le monde|si tu parles]{pupilEnd}",
		"{nameOpt}[mon poing|mon pied|une droite|ma main] dans ta [gueule|tronche|face|bouche|tête] [{chatTime}|si tu continues|, tu vas voir]{pupilEnd}",
		"{nameOpt}tu vas [manger|prendre|recevoir|te prendre] [des coups|une raclée|une rouste|une branlée|des patates|des coups de poing] [{chatTime}|à la sortie|devant tes potes]{pupilEnd}",
		"{nameOpt}tu vas prendre [cher|grave|tarif|sévère] [{chatTime}|à la sortie|quand je te croise]{pupilEnd}",
	}, 0.6, true},
	// A group, a score to settle, set phrases, a challenge with a harm or
	// a meeting place.
	{"pupil_settle", "violent", []string{
		"{nameOpt}on va te prendre à [plusieurs|cinq|six|dix] [derrière le city|à la sortie|au parc|{chatTime}]{pupilEnd}",
		"{nameOpt}[je vais|jvais|on va] te régler ton compte {chatTime}{pupilEnd}",
		"{nameOpt}[je vais|jvais|on va] vous régler votre compte[ {chatTime}| à tous les deux]{pupilEnd}",
		"{nameOpt}[je vais|jvais|on va] te faire la misère [toute l'année|{chatTime}|jusqu'au brevet]{pupilEnd}",
		"{nameOpt}[vous allez|tu vas] [finir|être] six pieds sous terre {chatTime}{pupilEnd}",
		"{nameOpt}[je vais|jvais|on va] t'ouvrir en deux {chatTime}{pupilEnd}",
		"{nameOpt}{chatTime} tu vas voir ce que tu vas prendre{pupilEnd}",
		"{nameOpt}[tu vas voir|tu verras] [à la sortie|au portail|au city|au parc][, on sera là|, viens seul|]{pupilEnd}",
	}, 0.6, true},
	// Look-alikes: the same verbs in a game or a sport.
	{"pupil_game8_benign", "benign", []string{
		"{nameOpt}[jvais|je vais|on va] te [soulever|détruire|écraser|démonter|éclater|fumer|défoncer|rétamer] [à {game}|au ping|en 1v1 sur {game}|au foot|au hand|aux échecs|à Mario Kart]{pupilEnd}",
		"{nameOpt}[jte démonte|je t'éclate|je te détruis|je t'écrase] en 1v1 quand tu veux [sur {game}|à {game}]{pupilEnd}",
		"{nameOpt}on va vous [prendre à cinq contre cinq|écraser|détruire|rétamer] [au foot|au basket|{sport}]{pupilEnd}",
		"{nameOpt}[t'as vu|tu as vu] [comment il l'a allongé|le KO|la droite qu'il a mise] [au combat de boxe|à la boxe hier|au MMA]{pupilEnd}",
	}, 0.5, true},
	// Look-alikes: everyday words of the same shapes.
	{"pupil_everyday8_benign", "benign", []string{
		"{nameOpt}[je vais|jvais] te donner un coup de main pour [l'exo|le DM|l'exposé] {chatTime}{pupilEnd}",
		"{nameOpt}tu vas voir [le film|la prof|ta sœur|le nouveau|les photos] {chatTime}[, c'est trop bien|, il est sympa|]{pupilEnd}",
		"{nameOpt}tu vas prendre [le bus|quoi|ton goûter|le train|des frites] {chatTime} ?",
		"{nameOpt}[je vais soulever|j'ai soulevé] [les poids|le sac de ma mère|la table] [en EPS|à la muscu|tout seul]{pupilEnd}",
		"{nameOpt}[j'ai réglé|je règle] [mon compte|la note] à la cantine{pupilEnd}",
		"{nameOpt}[je coupe|on partage] la pizza en deux{pupilEnd}",
		"{nameOpt}on se voit à la sortie pour [réviser|le kebab|rentrer ensemble|aller au parc]{pupilEnd}",
		"{nameOpt}[la prof|le prof de maths|mon frère] [nous fait|me fait] la misère [avec ses contrôles|avec les devoirs|depuis lundi]{pupilEnd}",
		"{nameOpt}[tourne à droite|prends à droite] après [la boulangerie|le portail|le city]{pupilEnd}",
		"{nameOpt}[je suis mort de rire|jsuis mort|ptdr je suis morte] [avec ta vidéo|avec ce mème|avec le prof]{pupilEnd}",
	}, 0.5, true},
}
