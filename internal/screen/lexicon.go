package screen

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// detector identifies one family of harmful content. The names are the
// corpus labels and prefix the reasons shown to moderators.
type detector uint8

const (
	detThreat detector = iota
	detViolence
	detApology
	detSextortion
	detPhishing
	numDetectors
)

var detectorNames = [numDetectors]string{"threat", "violence", "terror_apology", "sextortion", "phishing"}

// role says how a feature takes part in its detector's score.
type role uint8

const (
	roleCore    role = iota // the harmful act itself: required for a score
	roleCtx                 // context that raises a core score (place, time, intent...)
	roleNeg                 // speaker stance that lowers it (drill, lesson, report...)
	roleNeutral             // a benign fixed phrase that hides a core word (bombe calorimétrique)
)

type feature uint8

// Features. Each has one detector, one role and a label for the reasons.
const (
	_ feature = iota // zero: no feature
	// threat
	thWeapon
	thAttack
	thBlowUp
	thArson
	thKillTarget
	thDeath
	thPlace
	thTime
	thTarget
	thIntent
	thIntentStrong
	thPlanted
	thPlantedFP
	thUrgency
	thEvacuate
	// violence
	viKill2
	viDoxx
	viMedia
	viSuicide
	viInsult
	viHarass
	viFamily
	viCond
	viGang
	viTime
	viPlace
	// apology
	apExtremist
	apRef
	apApprove
	apVengeance
	apJoin
	apHate
	apPlace
	apPraise  // praise of a named attack's perpetrators: carries its own reference
	apEmulate // a call to do as an attack's author did: needs the attack named
	// sextortion
	sxIntimate
	sxCoerce
	sxMoney
	sxRequest
	// phishing
	phAccount
	phVerify
	phNeedCred
	phRelogin
	phUrgency
	phImperson
	phReply
	phPrize
	phLure
	phLureGet
	// negators (shared; each detector lists those it honours)
	ngDrill
	ngProcedure
	ngLesson
	ngReport
	ngCommem
	ngLaugh
	ngGame
	ngPositive
	ngAdvice
	ngCondemn
	// benign phrases hiding a core word
	neutral
	numFeatures
)

type featInfo struct {
	det    detector
	role   role
	label  string  // French label in reasons; "" for core features
	factor float64 // for negators: multiplier of the score
	stance bool    // the speaker threatens in person: negators are softened
}

var feats = [numFeatures]featInfo{
	thWeapon:       {det: detThreat, role: roleCore},
	thAttack:       {det: detThreat, role: roleCore},
	thBlowUp:       {det: detThreat, role: roleCore},
	thArson:        {det: detThreat, role: roleCore},
	thKillTarget:   {det: detThreat, role: roleCore, stance: true},
	thDeath:        {det: detThreat, role: roleCore, stance: true},
	thPlace:        {det: detThreat, role: roleCtx, label: "lieu"},
	thTime:         {det: detThreat, role: roleCtx, label: "moment"},
	thTarget:       {det: detThreat, role: roleCtx, label: "cible"},
	thIntent:       {det: detThreat, role: roleCtx, label: "intention"},
	thIntentStrong: {det: detThreat, role: roleCtx, label: "intention", stance: true},
	thPlanted:      {det: detThreat, role: roleCtx, label: "dépôt"},
	thPlantedFP:    {det: detThreat, role: roleCtx, label: "dépôt revendiqué", stance: true},
	thUrgency:      {det: detThreat, role: roleCtx, label: "urgence", stance: true},
	thEvacuate:     {det: detThreat, role: roleCtx, label: "évacuation"},

	viKill2:   {det: detViolence, role: roleCore, stance: true},
	viDoxx:    {det: detViolence, role: roleCore, stance: true},
	viMedia:   {det: detViolence, role: roleCore},
	viSuicide: {det: detViolence, role: roleCore, stance: true},
	viInsult:  {det: detViolence, role: roleCore},
	viHarass:  {det: detViolence, role: roleCore},
	viFamily:  {det: detViolence, role: roleCtx, label: "proches"},
	viCond:    {det: detViolence, role: roleCtx, label: "condition"},
	viGang:    {det: detViolence, role: roleCtx, label: "complices"},
	viTime:    {det: detViolence, role: roleCtx, label: "moment"},
	viPlace:   {det: detViolence, role: roleCtx, label: "lieu"},

	apExtremist: {det: detApology, role: roleCore},
	apRef:       {det: detApology, role: roleCtx, label: "référence"},
	apApprove:   {det: detApology, role: roleCore, stance: true},
	apVengeance: {det: detApology, role: roleCore, stance: true},
	apJoin:      {det: detApology, role: roleCore, stance: true},
	apHate:      {det: detApology, role: roleCore, stance: true},
	apPlace:     {det: detApology, role: roleCtx, label: "lieu"},
	apPraise:    {det: detApology, role: roleCore, stance: true},
	apEmulate:   {det: detApology, role: roleCore, stance: true},

	sxIntimate: {det: detSextortion, role: roleCore},
	sxCoerce:   {det: detSextortion, role: roleCore, stance: true},
	sxMoney:    {det: detSextortion, role: roleCore},
	sxRequest:  {det: detSextortion, role: roleCore},

	phAccount:  {det: detPhishing, role: roleCore},
	phVerify:   {det: detPhishing, role: roleCore},
	phNeedCred: {det: detPhishing, role: roleCore},
	phRelogin:  {det: detPhishing, role: roleCore},
	phUrgency:  {det: detPhishing, role: roleCore},
	phImperson: {det: detPhishing, role: roleCore},
	phReply:    {det: detPhishing, role: roleCtx, label: "réponse demandée"}, // alone an ordinary « merci de répondre »
	phPrize:    {det: detPhishing, role: roleCore},
	phLure:     {det: detPhishing, role: roleCore},
	phLureGet:  {det: detPhishing, role: roleCtx, label: "téléchargement"},

	ngDrill:     {role: roleNeg, label: "exercice", factor: 0.3},
	ngProcedure: {role: roleNeg, label: "consignes", factor: 0.55},
	ngLesson:    {role: roleNeg, label: "enseignement", factor: 0.4},
	ngReport:    {role: roleNeg, label: "signalement", factor: 0.4},
	ngCommem:    {role: roleNeg, label: "hommage", factor: 0.35},
	ngLaugh:     {role: roleNeg, label: "plaisanterie", factor: 0.7},
	ngGame:      {role: roleNeg, label: "jeu ou sport", factor: 0.6},
	ngPositive:  {role: roleNeg, label: "ton positif", factor: 0.7},
	ngAdvice:    {role: roleNeg, label: "conseil de sécurité", factor: 0.3},
	ngCondemn:   {role: roleNeg, label: "condamnation", factor: 0.35},

	neutral: {role: roleNeutral},
}

// Negators honoured by each detector.
var detNegators = [numDetectors][]feature{
	detThreat:     {ngDrill, ngProcedure, ngLesson, ngReport, ngCommem, ngLaugh, ngGame, ngPositive},
	detViolence:   {ngLesson, ngReport, ngLaugh, ngGame, ngCommem},
	detApology:    {ngLesson, ngReport, ngCommem, ngCondemn},
	detSextortion: {ngLesson, ngReport, ngAdvice},
	detPhishing:   {ngAdvice, ngReport},
}

// Token classes, used in patterns as @name.
const (
	clPlace = 1 << iota
	clTime
	clTarget
	clKill
	clCoreVerb
	clFirstP
	clAux
	clFirstPAux
	clNeg
	clWeapon
	clCred
	clVerify
	clExtremist
	clRef
	clGroup
	clMedia
	clIntimate
	clPublish
	clMoney
	clAcct
	clAcctBad
	clPoss
	clSecond
	clInsult
	clGame
)

var classNames = map[string]uint64{
	"place": clPlace, "time": clTime, "target": clTarget, "kill": clKill, "coreverb": clCoreVerb,
	"firstp": clFirstP, "aux": clAux, "firstpaux": clFirstPAux, "neg": clNeg, "weapon": clWeapon,
	"cred": clCred, "verify": clVerify, "extremist": clExtremist, "ref": clRef, "group": clGroup,
	"media": clMedia, "intimate": clIntimate, "publish": clPublish, "money": clMoney, "acct": clAcct,
	"acctbad": clAcctBad, "poss": clPoss, "second": clSecond, "insult": clInsult, "game": clGame,
}

// classWords lists the words of each class; a trailing * is a prefix.
var classWords = map[uint64]string{
	clPlace: `college colleges lycee lycees ecole ecoles etablissement* cantine self refectoire cdi gymnase gym
		cour recre recreation salle salles classe classes toilette* wc hall batiment* internat preau parking portail
		viescolaire salledesprofs bahut academie couloir* amphi* labo laboratoire stade school schools classroom* campus
		cafeteria canteen library playground building bathroom* hallway* gymnasium auditorium`,
	// Not « noon »: keys squeeze doubled letters, and « noon » would be
	// « non » (« Non, … » gave a time); « at noon » is a thTime phrase.
	clTime: `demain aujourdhui soir matin midi minuit nuit aprem apresmidi lundi mardi mercredi jeudi vendredi samedi
		dimanche bientot tomorrow today tonight midnight monday tuesday wednesday thursday friday saturday sunday
		dm1 2main demin recre recreation`,
	clTarget: `toutlemonde tous toutes profs prof professeur* eleve* cpe principal principale proviseur* directeur
		directrice surveillant* enseignant* personnel enfants everyone everybody teachers teacher students kids staff
		mecreants kouffar*`,
	clKill: `tuer tue tues tuerai tuera tuerons tueront buter bute butes buterai butera crever creverai egorger egorge
		egorgerai massacrer massacrerai decapiter decapiterai abattre abattrai fusiller assassiner poignarder
		poignarderai saigner kill murder stab slaughter`,
	clCoreVerb: `tuer tue tuerai buter bute crever egorger massacrer decapiter abattre fusiller assassiner poignarder
		exploser explose sauter peter tirer tire bruler incendier attaquer bombe carnage massacre attentat fusillade
		tuerie kill murder stab shoot bomb blow explode attack`,
	clFirstP:    `je j on nous i we im jte`,
	clAux:       `vais va allons vont vas compte comptons veux voulons viens viendrai ferai fera ferons will gonna going`,
	clFirstPAux: `jvais jve jvai jv jvé imma ima`,
	clNeg:       `pas jamais aucun aucune ni rien sans non no not never nothing n ne nul nulle nobody`,
	clWeapon:    `bombe bombes bomb bombs explosif explosifs explosive explosives arme armes engin engins`,
	clCred: `identifiant* motdepasse mdp password* credentials login logins compte comptes account coordonnees
		codes acces`,
	clVerify: `verifiez verifier verifie confirmez confirmer confirme validez valider saisissez saisir entrez entrer
		renseignez renseigner communiquez communiquer transmettez transmettre indiquez indiquer actualisez
		reactivez reactiver debloquez debloquer verify confirm validate enter update reconnectez`,
	clExtremist: `djihad* jihad* djihadis* etatislamique daech daesh isis isil guerresainte kouffar* kuffar* kafir*
		koufar* mecreant* ei califat* caliphate moudjahid* mujahid* chahid shahid shaheed taghout inghimasi alqaida
		infideles dawla dawlah dawlat baqiya qariban nashid* anashid nasheed* sawarim ghuraba* drapeaunoir
		dabiq rumiyah rumiya amaq kufr daralkufr wilayat khorasan munafiq* tawaghit`,
	clRef: `samuelpaty paty dominiquebernard charliehebdo bataclan arras conflans hypercacher attentat* terroris*
		decapit* kouachi coulibaly merah abdeslam anzorov abaaoud mogouchkov benladen terrorist* attack* martyr*`,
	clGroup: `kouffar* kuffar* mecreant* juif juifs infideles francais profs flics chretiens musulmans arabes noirs
		blancs homosexuels pd mecreants jews infidels`,
	clMedia:    `video videos photo photos image images regardez regarde pj piecejointe vid film clip beheading`,
	clIntimate: `nu nue nus nues intime intimes sexy seins sexe sexuel* coquine* naked nude nudes culotte`,
	clPublish: `publie publier publierai publierais poste poster posterai diffuse diffuser diffuserai balance balancer
		balancerai partage partager partagerai envoie envoyer enverrai montre montrer montrerai leak leaker post
		share send`,
	clMoney: `paye payer paie paies payes verse verser virement euros eur bitcoin* btc paysafecard pcs rancon argent
		cash money pay`,
	clAcct:    `compte comptes messagerie boite acces account mailbox espace`,
	clAcctBad: `suspendu* desactive* bloque* supprime* expire* ferme* verrouille* restreint* suspend* disabled locked deleted closed`,
	clPoss:    `votre vos ton tes your`,
	clSecond:  `te t vous toi`,
	clGame: `fortnite minecraft roblox valorant fifa gta apex brawlstars clashroyale cod warzone steam pubg
		overwatch csgo cs2 genshin callofduty battlefield counterstrike rainbowsix amongus freefire rocketleague
		clashofclans leagueoflegends fallguys`,
	clInsult: `connard connasse salope pute putain encule* batard negro bougnoule tapette fdp bitch slut faggot cunt
		whore`,
}

// compounds are merged into one detection token, so that classes can name
// multi-word units. Written unsqueezed; compiled to keys at init.
var compoundList = []string{
	"mot de passe", "mots de passe", "tout le monde", "aujourd hui", "vie scolaire", "etat islamique",
	"guerre sainte", "dar al kufr", "mise a jour", "piece jointe", "pieces jointes", "samuel paty", "dominique bernard",
	"charlie hebdo", "allahu akbar", "allah akbar", "ben laden", "bin laden", "salle des profs", "al qaida",
	"apres midi", "hyper cacher", "call of duty", "counter strike", "rainbow six", "among us", "free fire",
	"rocket league", "clash of clans", "league of legends", "fall guys",
	// the dates pupils name attacks by, one word for the model (not a
	// reference for the frames: « le 11 septembre on fête ça »), and the
	// black flag of the jihadists (fortieth round)
	"7 octobre", "11 septembre", "13 novembre", "drapeau noir",
	// and in figures (attackdate.go), with the attacks on Charlie Hebdo
	// and on Samuel Paty (forty-first round)
	"7 janvier", "16 octobre",
}

// entry is one lexicon pattern.
type entry struct {
	feat      feature
	w         float64
	elems     []elem
	negatable bool // dropped when a negation precedes it ("aucune bombe", "ne méritait pas")
	src       string
	// req lists the elements after the first that are not gaps: each
	// must match some token of a message for the entry to match there.
	req []elemReq
}

type elemReq struct {
	class uint64
	id    int32 // elem.id
}

type elem struct {
	gap int // >0: a gap of up to gap tokens (no other field set)
	// id numbers the elements after the first that name words (exact or
	// prefix), for the per-key index laterExact/laterPrefix; -1 otherwise.
	id     int32
	exact  []string
	prefix []string
	class  uint64
	anchor bool
}

// lex lists the patterns: feature, weight, then patterns separated by ";".
// Syntax: words are alternatives with |, a trailing * is a prefix, @class a
// token class, ~N a gap of up to N tokens, ^ marks the anchor (the word a
// neutral phrase must cover to cancel the hit; default: the first), and a
// leading ! makes the entry negatable.
var lex = []struct {
	f   feature
	w   float64
	pat string
}{
	// Threat: the act.
	{thWeapon, 0.35, "!bombe|bombes|bomb|bombs|bonbe; !explos*|detonat*|detoner; !dynamite"},
	{thWeapon, 0.4, "!engin|engins ~1 explosif*"},
	{thWeapon, 0.5, "!colis|paquet|sac|valise|voiture|vehicule ~1 piege*; ceinture*|gilet* ~2 explos*; bombe ~1 a ~1 retardement; molotov; detonateur*"},
	{thWeapon, 0.45, "!kalach*|kalash*|kalashnikov*|ak47|uzi; !flingue*"},
	{thWeapon, 0.3, "!arme|armes|fusil|fusils|pistolet*|revolver*|grenade*|tnt|c4; !gun|guns|rifle*|pistol*|firearm*"},
	{thWeapon, 0.2, "!couteau*|knife|knives|machette*|hache|piege*|sabre|opinel*|canif*|schlass|surin"},
	{thAttack, 0.35, "attentat*; massacre*; prise ~1 d ~1 otage*; otage*"},
	{thAttack, 0.45, "fusillade*; tuerie*; carnage*; bain ~1 de ~1 sang; egorg*; school ~1 shooting*; mass ~1 shooting*"},
	{thAttack, 0.35, "decapit*; poignard*; stab|stabbing"},
	{thAttack, 0.2, "shooting|shootings"},
	{thAttack, 0.2, "attaque*|attaquer|attaquerai|attack*"},
	{thAttack, 0.45, "^tirer|tire|tirerai|tirera|tirerons|tirent|tirez ~1 sur|dans ~2 @target|@place|tout|tous|les|la|le; shoot ~2 up|everyone|everybody|all|them|you; kill ~2 everyone|everybody|all|them"},
	{thBlowUp, 0.4, "faire|fais|fait|ferai|fera|ferons|fer|tout|va|vont|vais|veux ~2 ^sauter|saute|sautera|peter|pete; sautera|sauteront; blow ~2 up; blowing ~2 up"},
	{thArson, 0.4, "mettre|mets|met|mettrai|mettra|mettrons|foutre|fous|fout ~1 le ~1 ^feu; incendier|incendierai|incendiera; bruler|brulerai|brulera|cramer|cramerai ~3 @place; burn ~2 down; set ~3 fire"},
	{thArson, 0.15, "incendie*"},
	{thArson, 0.4, "@place ~2 va|vont|doit ~1 bruler|cramer|flamber; @place ~2 brulera|crameront|cramera"},
	{thKillTarget, 0.45, "@firstp|@firstpaux ~2 le|la|les|l ^@kill|defonc*"},
	// planter needs its object pronoun right after the subject or aller
	// (« je vais la planter », « je le plante »): « je ramène la plante »
	// is a pot plant.
	{thKillTarget, 0.45, "@firstp|@firstpaux le|la|les|l ^planter|plante|planterai|plantera|planterons|plantes; @firstp @aux le|la|les|l ^planter"},
	// Extermination of people: the verbs and phrases of a death wish.
	{thKillTarget, 0.5, "^eradiqu*|extermin*|aneanti* ~3 les|tous|toutes|ces|cette|ce|cet|@target; ^mettre|mettrai|mettrons ~1 fin ~3 vie|jours ~1 de|d|des; ^en ~1 finir|finisse|finissent|finira ~1 avec ~2 les|tous|toutes|ces|toi|vous|@target; ^mort ~1 a|aux ~1 tous|toutes"},
	{thKillTarget, 0.5, "^@kill ~3 @target; @target ~5 vont|va ~2 mourir|crever|y ~1 passer"},
	{thAttack, 0.4, "prochaine|prochain ~1 cible|cibles|victime|victimes"},
	// A named attack as a thing to do: « je fais un Columbine au gymnase »,
	// « on va faire un Bataclan au collège ».
	{thAttack, 0.45, "faire|fais|fait|ferai|fera|ferons|feront|refaire|refais|refera|rejouer|rejoue ~2 un|une|le|notre|son|leur ~1 columbine|colombine|bataclan|charlie|charliehebdo|conflans|arras|hypercacher|utoya|christchurch|breivik|merah"},
	{thDeath, 0.5, "personne ~1 ne ~2 sortira|survivra|sortiront|survivront; vous ~3 allez ~2 mourir|crever|y ~1 passer; vous ~1 mourez|creverez|mourez; preparez ~3 cercueil*; everyone|everybody|you ~3 will|gonna|going ~2 die; nobody|noone ~3 survive*|alive; sortira|sortiront ~1 vivant*; personne ~1 ne ~1 sera ~1 epargne*"},
	{thDeath, 0.45, "tous ~1 mourir|crever|morts|mort; nobody ~2 will ~1 survive"},
	{thDeath, 0.2, "cercueil*|coffin*"},
	// Threat: context.
	{thPlace, 0.35, "@place"},
	{thTime, 0.3, "@time; sortie|fin|debut ~1 des|de|du ~1 cours|classes; apres|avant|pendant ~1 le|les|la ~3 cours|recre|cantine|sport|eps; dans ~1 une|1|2|3|deux|trois|quelques ~1 heure|heures|minutes|min|h; la ~1 semaine ~1 prochaine; pendant ~1 les|le ~1 cours|recre|recreation|pause; at ~1 noon|midnight"},
	{thTarget, 0.2, "@target"},
	{thIntent, 0.4, "@firstp ~1 @aux; there ~1 will ~1 be; @firstpaux; il ~1 y ~1 aura; va|vont ~1 exploser|sauter|peter|bruler|mourir|crever; va|vont ~1 se ~1 faire ~1 @kill|egorg*|bute*|exploser; explosera|exploseront|sautera|sauteront; j|nous|on ~1 ai|avons|a ~1 tout ~1 prepare*; je|j|on ~1 viens|viendrai|rentre|rentrerai|debarque*|reviens ~3 avec|arme|arme*"},
	{thIntent, 0.35, "c ~1 est ~1 decide; vous ~1 allez ~1 voir|comprendre; je|on ~1 compte|comptons ~2 @coreverb; armes|arme ~1 jusqu ~1 aux ~1 dents"},
	{thIntentStrong, 0.45, "@firstp|@firstpaux ~3 mettre|mets|met|mettrai|foutre|fous ~2 le ~1 feu; il ~1 y ~1 aura ~2 attentat*|fusillade*|massacre*|carnage*|tuerie*|explosion*|bombe*|bain; there ~1 will ~1 be ~2 shooting*|bomb*|attack*|massacre*; @firstp ~1 ^tire|tue|bute|egorge|pose|place|depose|explose; @firstp ~1 @aux ~4 ^@coreverb; @firstpaux ~4 ^@coreverb; je|j|on|nous ~1 ferai|fera|ferons ~2 ^@coreverb; i|we ~1 will|gonna|going|ll|m|re ~3 ^@coreverb"},
	{thPlanted, 0.35, "a|ont|avoir ~1 ete ~1 depose*|place*|cache*|pose*|installe*|dissimule*; il ~1 y ~1 a ~3 @weapon; has|have ~1 been ~1 placed|planted|hidden"},
	{thPlanted, 0.3, "deposee|placee|cachee|posee|installee|deposees|placees|cachees|posees|caches|deposes|places; planted|hidden"},
	{thPlanted, 0.25, "est|sont|trouve|trouvent ~1 dans|sous|cache*"},
	{thPlantedFP, 0.45, "j|nous|on ~1 ai|avons|a ~2 place*|depose*|cache*|pose*|installe*|mis|planque*; i|we ~1 have|ve ~1 placed|planted|hidden|put"},
	{thUrgency, 0.45, "vous|vs ~1 etes|etes ~1 prevenu*|avertis; ^pas ~1 une|un ~1 blague|exercice|simulation|canular|test; you ~2 been ~1 warned; ^not ~1 a ~1 joke|drill; comptez ~1 vos|les; prochaine|prochain ~1 cible|cibles|victime*; c ~1 est ~1 ce ~1 qui ~1 vous ~1 attend; n ~1 appelez ~1 pas; dernier ~1 avertissement; vous ~1 avez ~1 ete ~1 prevenu*|averti*"},
	{thUrgency, 0.4, "tic ~1 tac; vous ~1 avez ~2 heure|heures|minutes|min; compte ~1 a ~1 rebours; que ~1 dieu ~1 vous ~1 garde|protege; priez ~2 pour; adieu"},
	{thEvacuate, 0.3, "evacuez|evacuer|evacuate; cachez|enfermez|barricadez|planquez ~1 vous; courez ~2 si|pour ~2 vie|vivre; si ~1 vous ~1 voulez ~1 vivre"},
	// An armed speaker in the school: « je suis dans le collège avec une
	// arme », « j'ai un flingue sur moi ».
	{thIntentStrong, 0.45, "@firstp ~1 suis|sommes ~5 avec ~2 arme|armes|flingue|fusil|pistolet|couteau|kalach*|@weapon; j|on ~1 ai|a ~3 arme|flingue|fusil|pistolet|couteau|kalach* ~2 sur ~1 moi|nous"},
	// Euphemisms for a weapon brought in: « je ramène un truc au lycée »,
	// « j'apporte de quoi vous calmer demain ».
	{thWeapon, 0.3, "!@firstp|@firstpaux ~2 ramene*|amene*|apporte*|ramener|amener|apporter ~2 un|une|de|du ~1 truc|machin|quoi|surprise|calibre|joujou ~4 @place|@time|toi|vous"},
	// Fire set to someone's things or everything.
	{thArson, 0.4, "bruler|brulerai|brulera|cramer|cramerai|incendier ~3 ta|ton|tes|sa|son|votre|vos|leur ~1 maison|baraque|casier|voiture|chambre|appart|appartement|immeuble|scooter; @firstp|@firstpaux ~2 tout ~1 ^cramer|bruler|flamber"},
	// Hoaxes without a weapon word: a gas bottle, charges or a device put
	// somewhere, « boum » as an announcement; place and time are the
	// detectors' context as for any weapon. « la boum » is a party.
	{thWeapon, 0.3, "!bonbonne|bonbonnes|bouteille|bouteilles|cuve|jerrican|jerricane|bidon|bidons ~1 de|d ~1 gaz|butane|propane|essence"},
	{thWeapon, 0.45, "!charge|charges ~3 posee*|deposee*|placee*|cachee*|installee*|planquee*|dissimulee*; !pose*|depose*|place*|cache*|installe*|planque*|mis ~2 un|une|deux|trois|quatre|cinq|des|plusieurs|2|3|4|5 ~1 charge|charges"},
	{thWeapon, 0.4, "!engin|engins|dispositif|dispositifs|detonateur* ~3 place*|pose*|depose*|cache*|installe*|planque*|dissimule*; !colis|paquet|paquets|sac|valise ~1 suspect*"},
	{thBlowUp, 0.35, "!boum|boom|kaboom|badaboum; fait|fera|faire|va|vont ~2 boum|boom"},
	{thBlowUp, 0.4, "toutlemonde ~1 saute|sautera|explose|explosera|pete"},
	{neutral, 0, "la|une|ma|ta|sa|notre|votre|leur|de|du|cette|les|des|petite|grande ~1 ^boum; ^boum ~2 de ~1 fin|classe|anniversaire|noel; ^boum ~1 des|du ~1 cm1|cm2|6e|6eme|5e|5eme|sixiemes|eleves; baby ~1 ^boom|boum"},
	// Neutral phrases hiding a threat word.
	{neutral, 0, "de ~1 la ~1 ^bombe; c ~1 est|etait ~1 la ~1 ^bombe; c ~1 est|etait ~2 ^bombe ~1 a ~1 retardement; ^bombe|bombes ~1 calorimetrique*|atomique*|nucleaire*|h|lacrymogene*|glacee|aerosol|insecticide|anti*; ^bombe|bombes ~1 a ~1 eau|hydrogene; ^bombe|bombes ~1 de ~1 peinture|bain|chantilly|creme|cheval|laque|deodorant|table|equitation; bath|photo|f|da ~1 ^bomb; was|is|s ~1 the ~1 ^bomb"},
	{neutral, 0, "^explos* ~2 rire|rires|joie|colere|demographique; ^explos* ~1 de ~1 couleurs|saveurs; ^tuer|tue|tues ~2 le ~1 temps; ^mort|morte|morts ~1 de ~1 rire|fatigue|faim|froid|peur|honte; ^creve*|crever ~1 de ~1 faim|chaud|froid|envie|rire|fatigue; suis|sommes|es ~1 ^creve*; ca|ce ~1 me|m ~1 ^tue; ^killed|kill|killing ~1 it"},
	{neutral, 0, "^bruler|brule|brules|brulera|bruleras|brulerai|brulait ~2 etapes|politesse"}, // fifteenth round: « brûler les étapes » is no fire
	{neutral, 0, "alcool ~1 a ~1 ^bruler"},                                                     // a product: « de l'alcool à brûler pour le barbecue »
	{neutral, 0, "^attaque ~1 de ~1 panique; ^attaque ~1 cardiaque; c ~1 est|etait ~1 une ~1 ^tuerie; ^sauter|saute|sautera ~2 hauteur|longueur|corde|joie|repas|classe|haies|trampoline|perche|parachute|ligne|obstacle|obstacles|cheval; ^sauter|saute|sautera ~1 le ~1 pas; ^sauter ~1 un|une|le|la ~1 repas|classe|ligne|cours; mettre|mettra|met|mets|mettons|mettrai|mettrons ~1 le ~1 ^feu ~3 ambiance|piste|dancefloor|scene|soiree|fete|boum|teuf|concert|bal; photo ~1 ^shoot*; ^shooting ~1 star|photo|practice|guard; un|le|du|ce|les|des ~1 ^shooting; ^shoot ~1 me|us ~1 an|a; ^mort ~1 aux ~1 rats; ^buter|bute ~1 sur; ^arme|armes ~1 fatale|blanche; ^exercice ~1 d|de ~1 tir"},
	// Violence against a person.
	{viKill2, 0.55, "@firstp|@firstpaux ~3 te|t|vous ^@kill; @firstp|@firstpaux ~3 te|t ^plant*|defonc*|fum*|fracass*|explos*|cramer|bruler|immoler; faire ~1 la ~1 peau; i|we ~3 kill|hurt|stab|shoot|murder ~1 you; jte ^@kill|plant*|defonc*|explos*|bute"},
	{viKill2, 0.5, "t|tu ~1 es|tes ~1 ^mort|morte|cuit|fini; tes|t ~1 ^mort; homme ~1 mort; vous ~1 etes ~1 ^morts|mort; you ~1 re|are ~1 dead; ur ~1 dead; tu ~1 vas ~2 mourir|crever|souffrir|saigner"},
	{viKill2, 0.35, "@firstp|@firstpaux ~3 te|t ~1 ^retrouver|nique*|casser|niquer; casser ~1 la ~1 gueule"},
	// Beating at the reader: the usual verbs of a fight between pupils.
	{viKill2, 0.5, "@firstp|@firstpaux ~3 te|t|vous ^tabass*|frapp*|cogn*|demont*|eclat*|eclater|baffe*|gifl*|lynch*|agress*|marav*|degomm*|defigur*|cartonn*|enculer|fracass*; tu|vous ~1 vas|allez ~2 te|vous ~1 faire ~1 ^tabass*|frapp*|defonc*|demont*|eclat*|lynch*|marav*|cogn*; @firstp|@firstpaux ~3 te|t|vous ~1 ^foutre|mettre|coller|peter ~3 gueule|tronche|dents|nez; ^tabass*|frapp*|defonc* ~2 a ~1 plusieurs|10|dix"},
	{viDoxx, 0.5, "sais|sait|savons|connais|connait|connaissons ~2 ou ~2 tu|t|vous|il|elle ~1 habit*|vis|vit|dors|dort; connais ~3 adresse; know ~1 where ~1 you ~1 live"},
	// A meeting at the exit with an ordinary purpose (« on se retrouve à
	// la sortie pour le bus », « on t'attend à la sortie du gymnase pour
	// l'entraînement ») is no ambush.
	{neutral, 0, "^je|on ~1 se|t|te|vous ~1 retrouve|retrouves|attend|attends ~5 sortie ~4 pour ~2 bus|car|rentrer|aller|entrainement|entrainer|match|train|repetition|gouter|manger|reviser|devoirs|foot|piscine|ceremonie|trajet|navette|tram|metro|velo|marcher|cinema|courses|sortie|voyage|visite|anniv|anniversaire"},
	{viDoxx, 0.4, "je|on ~1 t|te|vous ~1 attend|attends ~3 sortie|dehors|devant|apres|plusieurs|dix|10|nombreux|portail|bus|parc|city; te|t ~1 prendre|choper|coincer ~1 a ~1 plusieurs|dix|10|deux|trois|quatre|cinq; on ~1 se ~1 retrouve ~2 sortie"},
	{viMedia, 0.35, "@media ~6 ^decapit*|egorg*|execution*|beheading|tete ~1 coupee; decapit*|egorg*|beheading ~6 video*|piecejointe|pj|regardez|clip"},
	{viSuicide, 0.55, "suicide|suicides ~1 toi|vous; va|vas|allez ~1 te|vous ~1 suicider|pendre; tue|tues ~1 toi; kys; kill ~1 yourself; tu ~1 devrais ~2 mourir|suicider|disparaitre|crever; personne ~1 ne ~2 te ~1 regrettera"},
	{viInsult, 0.2, "@insult; sale ~1 chien|chienne|pute|arabe|noir|negre|juif|race|batard|con|conne|merde|porc|gouine|pd|singe; fils ~1 de ~1 pute"},
	{viHarass, 0.35, "toutlemonde ~2 deteste|hait|moque; personne ~1 ne ~1 t ~1 aime; tu ~1 vas ~2 le ~1 regretter|payer; @firstp ~2 te ~1 faire ~1 payer; @firstp|@aux ~3 t|te ~1 afficher|humilier|harceler; tu ~1 vas ~1 payer; vous ~1 allez ~1 payer"},
	{viHarass, 0.25, "creve|crevez"},
	// Retribution promised with its measure: « tu vas le payer très
	// cher », « tu vas regretter d'être né ».
	{viHarass, 0.5, "tu|vous|t ~1 vas|va|allez ~1 le|me|nous ~1 payer ~2 cher|cash; regretter|regrette|regretteras|regretterez ~2 d ~1 etre ~1 ne|nee|nes|nees; regretter|regretteras|regretterez ~1 toute ~1 ta|votre ~1 vie"},
	// Intimidation without an act word: the set phrases of a threat.
	// Formal menace: « je ne réponds plus de mes actes », « vous ne verrez
	// pas Noël », « vous ne ressortirez pas de votre bureau dans le même
	// état ».
	{viHarass, 0.5, "reponds|repondrai ~1 plus ~1 de ~1 mes|mon ~1 actes|acte; vous|tu ~1 ne ~1 verrez|verras ~1 pas ~2 noel|vacances|ete|printemps|rentree; vous|tu ~1 ne ~1 verrez|verras ~1 pas ~1 la ~1 fin ~2 annee|trimestre|semaine|mois; ressortirez|ressortiras|sortirez|sortiras|repartirez|repartiras ~1 pas ~4 dans ~1 le ~1 meme ~1 etat"},
	// forty-eighth round: the victim will not walk away, the idioms of a beating to come
	{viHarass, 0.6, "sortirez|sortiras|sortira|sort|sors|repartirez|repartiras|repartira|repart|repars|rentrerez|rentreras|rentrera|rentre|ressortirez|ressortiras|ressortira|reviendra|reviendras|reviendrez ~1 pas|plus ~4 sur ~1 ses|tes|vos|sa|ta|leurs ~2 jambes|pieds; prepare|prepares|preparez ~2 numero ~2 dentiste; compter ~1 tes|vos|ses ~1 jours|dents; minute ~1 de ~1 coups"},
	{viHarass, 0.5, "tu|vous ~1 vas|allez ~1 comprendre ~1 ta|votre ~1 douleur; tes ~1 jours ~1 sont ~1 comptes; numerote ~1 tes ~1 abattis; fais|faites ~1 ta|tes|vos ~1 priere|prieres; ca|ca ~1 va ~1 mal ~1 se ~1 passer ~2 pour ~1 toi|vous; passer ~1 un ~1 sale ~1 quart ~1 d ~1 heure; on|je ~1 va|vais ~1 s ~1 occuper ~1 de ~1 toi|vous"},
	{viHarass, 0.5, "ce ~1 qui ~1 va ~1 t|te|vous ~1 arriver; tu|vous ~1 perds|perdez ~1 rien ~1 pour ~1 attendre; gare ~1 a ~1 toi|vous|ta ~1 gueule; mal ~1 finir ~1 pour ~1 toi|vous; tu|vous ~1 vas|allez ~1 prendre ~1 cher; @firstp|@firstpaux ~2 s|m ~1 occuper ~2 de ~1 toi|ton ~1 cas; ca|ca ~1 va ~1 chauffer|barder ~2 pour ~1 toi|vous; tu|t ~1 vas|vas ~1 voir ~1 ce ~1 que|qui|comment; on|je ~1 va|vais ~1 te ~1 choper|coincer|attraper; tu ~1 vas ~1 le ~1 sentir|regretter ~1 amerement; tu ~1 sais ~1 pas ~1 a ~1 qui ~1 tu ~1 parles"},
	{viHarass, 0.35, "ca|ca ~1 va ~1 chauffer|barder|mal ~1 finir; fais|faites|fait ~1 gaffe ~2 toi|vous|sortie|dehors; fais|faites ~1 attention ~1 a ~1 toi|vous ~3 sortie|dehors|demain|ce|soir; on|je ~1 se ~1 voit|capte|retrouve|verra ~3 sortie|dehors|vrai|irl|face; viens|vient|vien|venez ~3 sortie|dehors|face|vrai|irl; tu ~1 vas ~1 voir; compte ~1 sur ~1 moi ~2 pour ~1 te; surveille|surveilles ~1 tes ~1 arrieres|arriere"},
	// A threat passed on: « dis à Léa qu'elle est morte ».
	{viKill2, 0.5, "dis|dites|dire ~2 a ~2 qu ~1 il|elle ~1 est ~1 ^mort|morte|cuit|cuite|fini|finie; dis|dites|dire ~2 a ~2 qu ~1 il|elle ~1 va ~1 ^crever|mourir|saigner|souffrir|prendre; dis|dites|dire ~2 a ~2 qu ~1 il|elle ~1 va ~1 se ~1 faire ~1 ^tabass*|frapp*|defonc*|demont*|eclat*|lynch*|marav*|cogn*"},
	// Euphemistic threats: the set phrases that name no act.
	{viHarass, 0.5, "accident ~2 vite ~1 arrive; accident ~1 est|arrive ~1 si ~1 vite ~1 arrive; !regler|reglerai|reglera|reglerons|regle ~1 son|ton|leur ~1 compte; !regler|reglerai|reglera|reglerons ~2 ses|tes ~1 comptes ~1 avec"},
	{neutral, 0, "^regler|reglerai|reglera|reglerons|regle ~2 compte|comptes ~1 cantine|ent|pronote|bancaire|famille|de|du|d|internet|en|client|scolaire|caf"},
	// « ils ont eu raison de fermer », « bien fait de prévenir »: right to
	// do something, not approval of an attack.
	{neutral, 0, "^a|ont|avaient|avait|as ~1 eu ~1 raison ~1 de|d; ^bien ~1 fait ~1 de|d"},
	// « tu vas pas le regretter »: a promise, not a threat.
	{neutral, 0, "^tu|vous ~1 vas|va|allez ~1 pas|pa ~1 le ~1 regretter"},
	{viFamily, 0.3, "toi ~1 et ~1 ta ~1 famille; ta ~1 famille; tes ~1 parents|freres|soeurs; your ~1 family"},
	{viCond, 0.25, "si ^tu|vous|t"},
	{viGang, 0.2, "mes|nos ~1 potes|freres|gars|cousins|reufs|amis; je|on ~1 ramene; my ~1 boys"},
	{viTime, 0.25, "@time; a ~1 la ~1 sortie; apres|avant|pendant ~1 le|les|la ~3 cours|recre|cantine|sport|eps"},
	{viPlace, 0.2, "@place; devant ~1 chez"},
	// Praise of terrorism.
	{apExtremist, 0.3, "@extremist"},
	{apExtremist, 0.2, "allahuakbar|akbar"},
	{apExtremist, 0.15, "martyr|martyrs"},
	{apRef, 0.05, "@ref"},
	{apApprove, 0.55, "!meritai*|merite|merites|meritent|meritaient|deserved|deserve; !bien ~1 fait; !justifie|justifiee|justifies|justifiees|justifiable; !a|ont|avaient|avait ~1 eu ~1 raison; gloire ~1 a|aux|au; glory ~1 to; !heros|heroes|hero"},
	{apApprove, 0.5, "!justice ~1 est ~1 faite; !l ~1 a|ont|avait|avaient ~1 bien ~1 cherche|merite; il|ils ~1 a|ont ~1 venge|defendu ~3 prophete|islam|allah|religion|oumma"},
	{apApprove, 0.35, "vive|vivent ~1 le|la|l|les; bravo ~1 a|aux|au; honneur ~1 a|aux|au; je ~1 soutiens; respect ~1 a|aux|au; merci ~1 aux ~1 freres; qu ~1 allah ~2 accepte|recompense"},
	// Approval of the perpetrators of a named attack: « gloire aux frères du
	// 13 novembre », « honneur aux combattants du Bataclan ». Victims,
	// police and firefighters are not in the list of the honoured.
	{apPraise, 0.55, "gloire|honneur|respect|vive|vivent|bravo|merci|paradis|louange|louanges ~3 freres|combattants|martyrs|moudjahid*|mujahid*|chahid*|shahid*|lions|soldats|heros ~3 bataclan|charlie|charliehebdo|hypercacher|conflans|magnanville|arras|nice|kouachi|coulibaly|merah|abdeslam|anzorov; gloire|honneur|respect|vive|vivent|bravo|merci|paradis ~3 freres|combattants|martyrs|moudjahid*|mujahid*|chahid*|shahid*|lions|soldats|heros ~2 13novembre|7octobre|11septembre|7janvier|16octobre; gloire|honneur|respect|vive|vivent|bravo|merci|paradis ~3 freres|combattants|martyrs|moudjahid*|mujahid*|chahid*|shahid*|lions|soldats|heros ~2 14 ~1 juillet"},
	{apVengeance, 0.45, "la ~1 france ~1 paiera|payera|va ~1 payer; vous ~1 paierez|payerez; vont|allez|va ~1 payer; autres ~3 suivront|suivra|vont ~1 suivre; ce ~1 n ~1 est ~1 que ~1 le ~1 debut; venger|vengerons|vengera|vengeance; a ~1 qui ~1 le ~1 tour; vaincra|vaincront|triomphera|triompheront|reviendra|reviendront|vaincre; ne ~2 sont|seront|serez|etes ~1 pas|plus ~2 en ~1 securite; nulle ~1 part ~1 en ~1 securite; le ~1 prochain ~1 sera; you ~1 will ~1 pay; more ~1 will ~1 follow"},
	{apJoin, 0.2, "rejoignez|rejoins|rejoindre|engagez|join|joignez"},
	{apHate, 0.5, "mort|morts|death ~1 aux|a|au|to ~1 ^@group; prenez ~1 les ~1 armes; guerre ~2 aux ~1 @group"},
	{apPlace, 0.25, "@place"},
	// Sextortion.
	{sxIntimate, 0.45, "@media|pic|pics|selfie*|snap* ~4 @intimate; nudes; sextape|sextapes; sex ~1 tape; sans ~1 vetement*|habits; en ~1 sous ~1 vetement*"},
	{sxIntimate, 0.3, "de ~1 toi ~1 nue|nu; toute ~1 nue; tout ~1 nu"},
	{sxCoerce, 0.5, "@firstp|@firstpaux|@aux ~3 ^@publish ~4 tout|partout|toutlemonde|tes|ta|ton|internet|reseaux|insta|snap|classe|college|lycee|everyone; toutlemonde ~2 verra|va ~1 voir|saura|verront; tes ~1 parents|potes|amis ~2 verront|sauront|recevront|vont ~1 voir; je ~1 publie|diffuse|balance ~1 tout"},
	{sxCoerce, 0.25, "sinon|otherwise; ou ~1 alors; si ~1 tu ~1 ne|refuses|payes ~1 pas"},
	{sxMoney, 0.3, "@money; carte ~1 cadeau|cadeaux"},
	{sxRequest, 0.2, "envoie|envoies|envoyer|montre|send ~2 moi|des|une|tes|me|photo*|pic*"},
	// Credential phishing.
	{phAccount, 0.4, "suppression|desactivation|fermeture|blocage|suspension|cloture ~3 @acct; @acct ~4 sera|va|est|a ~2 ^@acctbad; @acct ~1 @acctbad; @acctbad ~3 @acct; boite ~2 pleine|saturee; quota ~2 atteint|depasse|messagerie; activite|connexion|connexions ~1 suspecte*|inhabituelle*|frauduleuse*; unusual|suspicious ~1 activity|sign"},
	{phVerify, 0.4, "!@verify ~3 @poss|le|les|l|la|ses ~1 @cred; !@verify|envoyez|envoyer|donnez|donner|donne|donnes|envoie|envoies|renvoie|renvoyez|renvoyer|transmets|file ~2 @poss ~1 @cred; !mettez|mettre ~1 a ~1 jour ~2 @poss ~1 @cred|informations|donnees; !saisissez|saisir|entrez|tapez ~2 @cred; !@verify ~2 identite|your ~1 identity"},
	// Codes and bank details asked for without a link: a one-time code
	// received by SMS, a RIB or card number sent back by reply.
	{phVerify, 0.5, "!@verify|envoie|envoies|envoyez|envoyer|renvoyez|renvoie|renvoyer|donne|donnez|donner|transmets|dis|dites ~6 code|codes ~4 sms|validation|verification|confirmation|authentification|securite|recu|recevoir|recevez|allez; !@verify|envoie|envoies|envoyez|envoyer|renvoyez|renvoie|renvoyer|donne|donnez|donner|transmets ~3 @poss ~1 rib|iban|cryptogramme|cvv; !@verify|envoie|envoies|envoyez|envoyer|renvoyez|renvoie|renvoyer|donne|donnez|donner|transmets ~6 carte ~1 bancaire|bleue|credit"},
	{phReply, 0.3, "par ~1 retour ~2 mail|courriel|message|email|sms; en ~1 reponse; en ~1 repondant; repondant ~3 message|mail|courriel"},
	{phNeedCred, 0.45, "besoin ~3 @poss ~3 @cred; need ~3 your ~2 @cred; demandons|demande ~3 @poss ~2 @cred"},
	{phRelogin, 0.3, "!reconnectez*|reconnecter; !connectez ~1 vous ~1 ici|via|sur ~1 ce; !cliquez|cliquer|cliquant|click|appuyez ~3 ici|lien|bouton|dessous|here|link; !lien ~2 securise|ci ~1 dessous|suivant; log|sign ~1 in ~1 here"},
	{phUrgency, 0.2, "sous|dans|within ~1 24h|48h|72h|24|48|72|heures; immediatement|urgent|urgence; sans ~1 delai; derniere ~1 relance; connexion|reconnexion|verification|validation|activation|authentification|identification ~1 obligatoire; sans ~1 action|reponse|validation ~1 de ~1 votre ~1 part; definitivement; miseajour ~1 obligatoire"},
	{phImperson, 0.2, "service|support|equipe|securite ~1 informatique|technique|pronote|ent|educonnect|numerique; administrateur|helpdesk|webmaster|dsi; it ~1 department|support"},
	{phReply, 0.3, "repondez|repondre|reply ~3 message|mail|email|courriel|this"},
	{phPrize, 0.3, "vous ~1 avez ~1 gagne; gagnant|loterie|winner; carte ~1 cadeau ~3 cliquez"},
	{phPrize, 0.4, "reclamez|recuperez|retirez|recevez|reclame|recupere ~2 votre|vos|ton|tes ~1 lot|lots|gain|gains|cadeau|cadeaux|recompense|prix ~2 sur|ici|via|en; felicitations|bravo ~4 gagne|gagnant|selectionne|selectionnee ~8 sur|ici|lien|cliquez"},
	// Lures of the 2024 infostealers: game cheats, cracks, free in-game
	// currency and "generators", most dangerous with a download or a link.
	{phLure, 0.5, "gratuit*|free|indetectable* ~3 cheat|cheats|aimbot|wallhack|wallhacks|hack|hacks; cheat|cheats|aimbot|wallhack|wallhacks|triggerbot|esp ~2 gratuit*|indetectable*|free|undetected; generateur|generator ~3 vbucks|v|robux|gemmes|diamants|skins|pieces|credits|coins; vbucks|bucks|robux|gemmes|diamants|skins|coins ~2 gratuit*|illimite*|free|offerts; free ~1 vbucks|robux|skins|v; mod ~1 menu; crack|cracks|keygen ~3 @game|jeu|jeux|gratuit*|ici"},
	{phLure, 0.5, "credits|pieces|gemmes|diamants|vbucks|robux|skins|coins|argent|or ~2 illimite*|gratuit*|infini*|unlimited; hack|hacks|cheat|cheats|triche ~4 booster|boost|gagner|avantage|rank|ranked"},
	{phLure, 0.35, "cheat|cheats|hack|hacks|aimbot|wallhack|crack|keygen|injecteur|injector"},
	// A document that asks to enable its macros or its content runs the
	// attacker's code once the reader obeys (forty-fifth round); the
	// button is often quoted, so the click anchors the second form.
	// Advice (« n'activez jamais les macros ») is negated.
	{phLure, 0.75, "!activez|activer|active|actives|activ|autorisez|autoriser|enable|allow ~2 macro|macros; !activez|activer|active|activ|enable ~2 contenu|content|editing; !^cliquez|cliquer|cliquant|appuyez|click ~4 activer|enable ~2 contenu|content|macros|editing"},
	{phLureGet, 0.3, "scanne|scannez|scanner|flashe|flashez|flasher ~2 le|ce|un ~1 qr|qrcode; telecharge*|download*|lance|ouvre|installe* ~4 fichier|ici|lien|exe|zip|apk|sur|le|ce; fichier ~2 joint|ci; piece ~1 jointe"},
	// The twelfth round: threats sent to a whole school and praise of an
	// attack, in the shapes that name no weapon.
	// The outcome told by what it calls for: « préparez les corbillards »,
	// « prévoyez les sacs mortuaires » (not the rescuers: a drill calls
	// the firefighters).
	{thDeath, 0.5, "preparez|prevoyez|appelez|reservez|commandez|prepare|prevois ~2 les|des|vos|assez ~1 ambulance|ambulances|corbillard|corbillards|linceul|linceuls|cercueil|cercueils; preparez|prevoyez|appelez|reservez|commandez ~2 les|des|vos ~1 pompes|sacs|housses ~1 funebres|mortuaires"},
	// The school's end as an outcome: « tout partira en fumée », « le
	// lycée ne sera plus là lundi » (« là » and a time: « plus la même »,
	// « plus ouvert la semaine prochaine » are not), « il ne restera
	// rien du collège ».
	{thArson, 0.4, "partira|partiront|partirez ~1 en ~1 fumee|cendres|poussiere|flammes; va|vont ~1 partir ~1 en ~1 fumee|cendres|poussiere|flammes; sera|seront ~1 reduit|reduite|reduits|reduites ~1 en ~1 cendres|poussiere|miettes"},
	{thBlowUp, 0.45, "@place ~1 ne ~1 sera|seront|existera|existeront ~1 plus ~1 debout; @place ~1 ne ~1 sera|seront|existera|existeront ~1 plus la @time; @place ~1 n ~1 existera|existeront ~1 plus; il ~1 ne ~1 restera ~1 rien ~2 de|du|des ~2 @place; @place ~2 sera|seront ~1 raye|rayee|rayes ~2 de ~1 la ~1 carte"},
	// « l'alerte à la bombe » names an event (a parent's worry, a head's
	// letter), not a bomb.
	{neutral, 0, "alerte|alertes|canular|canulars ~1 a|de ~1 la ~1 ^bombe"},
	// People inside the burning or exploding school: « le bahut part en
	// fumée avec les profs dedans », « le self saute avec vous tous
	// dedans ».
	{thArson, 0.45, "@place ~3 part|partira ~1 en ~1 fumee|flammes|cendres ~3 avec ~4 dedans; @place ~3 brule|brulera|crame|cramera|flambe|flambera|saute|sautera|explose|explosera|pete|petera ~4 avec ~4 dedans"},
	// A building's end in works: « le vieux gymnase n'existera plus après
	// les travaux ».
	{neutral, 0, "^@place ~6 ne|n ~1 sera|seront|existera|existeront ~1 plus ~8 travaux|chantier|renovation|demolition|demoli|demolie|rase|rasee|detruit|detruite|construire|reconstruire|agrandissement|remplace|remplacee|nouveau|nouvelle|neuf|neuve|demenage|demenagement"},
	// A warning to keep the children away: context, like an evacuation
	// (a head's letter on a strike says the same without an act).
	{thEvacuate, 0.3, "gardez|garde|laissez|laisse ~1 vos|votre|tes|ton ~1 enfants|enfant|gosses|fils|fille|gamins ~3 maison|chez; n ~1 envoyez ~1 pas ~1 vos|votre ~1 enfants|enfant"},
	// The means brought for a massacre: « on ramène de quoi faire un
	// carnage », « j'apporte de quoi tout faire sauter »: the act, and the
	// speaker's intent (a laugh does not make it a joke).
	{thIntentStrong, 0.45, "ramene*|amene*|apporte*|ramener|amener|apporter|prends|prend|prendrai ~2 de ~1 quoi ~2 faire|tuer|exploser|bruler|cramer|massacrer ~2 carnage|massacre|boucherie|tuerie|sauter|peter|tous|tout|bain|@place"},
	{thAttack, 0.45, "ramene*|amene*|apporte*|ramener|amener|apporter|prends|prend|prendrai ~2 de ~1 quoi ~2 faire|tuer|exploser|bruler|cramer|massacrer ~2 carnage|massacre|boucherie|tuerie|sauter|peter|tous|tout|bain|@place"},
	// Poison or gas spread in a place: « du gaz sera diffusé dans la
	// ventilation », « on va empoisonner la cantine ».
	{thAttack, 0.45, "gaz|poison|toxique|toxiques|chlore|sarin|acide|produit|produits ~3 sera|seront|va|vont|vais|allons ~2 diffuse*|repandu*|repandre|libere*|liberer|verse*|verser|lache*|lacher|injecte*|injecter ~6 @place|ventilation|aeration|clim|climatisation|repas|eau|@target; empoisonner|empoisonnerai|empoisonnera|empoisonnerons|empoisonneront ~3 @place|@target|repas|eau|tout|vous|les"},
	{thAttack, 0.4, "poison|cyanure|toxique|toxiques|sarin ~2 est|sont ~1 deja ~2 dans|sous ~4 @place|repas|eau|fontaines|fontaine|bouteilles|cantine|self"},
	// Approval of an attack's author without a praise word: « il a fait
	// ce qu'il fallait », a blessing on him, the call to do the same; the
	// attack named (apRef) is required, as for every approval.
	{apApprove, 0.55, "!a|ont|avait|avaient ~1 fait ~1 ce ~1 qu ~1 il ~1 fallait|faut|fallu; !a|ont|avait|avaient ~1 eu ~1 ce ~1 qu ~1 il|ils|elle|elles ~1 cherchait|cherchaient; !l|les ~1 avait|avaient|a|ont ~1 cherche; !a|ont|avait|avaient ~1 fait ~1 son|leur ~1 devoir"},
	{apEmulate, 0.5, "on|vous|nous|il ~1 devrait|devrions|devriez|faudrait|faut|doit ~2 tous|toutes ~1 faire ~1 pareil|pareille; on|vous|nous|il ~1 devrait|devrions|devriez|faudrait|faut|doit ~2 tous|toutes ~1 faire ~1 comme ~1 lui|eux; on|vous|nous|il ~1 devrait|devrions|devriez|faudrait|faut|doit ~2 tous|toutes ~1 faire ~1 la ~1 meme ~1 chose; faites|faisons ~1 pareil|pareille; faites|faisons ~1 comme ~1 lui|eux"},
	{apApprove, 0.35, "que|qu ~1 dieu|allah ~2 l|les ~1 accepte|recompense|accueille|agree"},
	// An attack told as a feast for believers: « une belle journée pour
	// les frères ».
	{apApprove, 0.5, "belle|beau|bonne|magnifique|superbe ~1 soiree|journee|spectacle|fete|jour|nuit ~3 pour ~3 croyants|freres|musulmans|oumma|islam|moudjahid*"},
	// The author named by his act, not by a noun: « celui qui a attaqué
	// le prof », « le gars qui a égorgé l'enseignant ».
	{apRef, 0.05, "celui|ceux|mec|gars|type|frere|homme|jeune|eleve ~1 qui ~1 a|ont|avait ~1 attaque|tue|egorge|decapite|poignarde|assassine|abattu|frappe ~2 prof|profs|professeur|professeurs|enseignant|enseignants|@target; comme ~1 en ~1 2015|2016|2020|2023"},
	// The fate of a murdered teacher wished on another: « qu'il arrive au
	// prof la même chose qu'à Samuel Paty », « finir comme Paty »; a
	// tribute's « plus jamais » negates it.
	{apHate, 0.7, "!espere|souhaite|souhaiterais|veux|voudrais|faudrait|merite|meritent|merites|arrivera|arrivent|arrive|reserve ~8 meme ~1 chose|sort ~2 qu|que ~1 a|aux ~1 samuelpaty|paty|dominiquebernard|bernard|charliehebdo|charlie; !espere|souhaite|souhaiterais|veux|voudrais|faudrait|merite|meritent|merites|arrivera|arrivent|arrive|reserve ~8 meme ~1 chose|sort ~2 qu|que ~1 samuelpaty|paty|dominiquebernard|bernard; !finir|finisse|finissent|finira|finiras|finirez|finiront ~1 comme ~1 samuelpaty|paty|dominiquebernard|bernard|charliehebdo|charlie"},
	// A named attack wished again: « il faudrait un nouveau Bataclan ».
	{apHate, 0.6, "!faudrait|faut|veux|voudrais|voudrait|espere|souhaite|vivement|manque|besoin|merite|meritent|meriterait ~4 un|une ~1 nouveau|nouvel|nouvelle|autre|deuxieme|second|seconde ~1 bataclan|conflans|arras|charlie|charliehebdo|samuelpaty|paty|hypercacher|columbine|colombine"},
	// Those who show or mock the Prophet as a target, with a call: « il
	// faut que quelqu'un s'occupe de ceux qui montrent les caricatures ».
	{apHate, 0.55, "faut|faudrait|devrait|doit|devrions|doivent ~4 occupe*|occuper|regle*|regler|punisse*|punir|paye*|payer|tue*|tuer|egorge*|egorger|bute*|buter|decapite*|decapiter ~5 qui ~1 montrent|montre|montrait|montraient|dessinent|dessine|insultent|insulte|caricaturent|caricature|blasphement|blaspheme|moquent|moque"},
	// A one-time code announced, then asked back by a pronoun: « vous
	// allez recevoir un code, merci de nous le transmettre ».
	{phVerify, 0.5, "!code|codes ~8 nous|me|m|moi le|la|les transmettre|envoyer|renvoyer|communiquer|donner|transferer|indiquer|dire|lire; !code|codes ~8 transmettez|envoyez|renvoyez|communiquez|donnez|indiquez|dites|lisez|transmets|envoie|renvoie|donne|dis ~1 le|la|les ~1 nous|moi"},
	// Cooking: « faire sauter des châtaignes dans la poêle ».
	{neutral, 0, "^sauter|saute|sautera|sauteront ~3 chataignes|marrons|crepe|crepes|legumes|oignons|pommes|champignons|bouchon|bouchons|poele|wok|beurre|pates|riz|crevettes|poulet|lardons"},
	// Negators: who speaks and why.
	{ngDrill, 0, "!exercice|exercices|ppms|simulation*|simule*|drill|drills; !entrainement ~2 alerte|incendie|evacuation|confinement|intrusion"},
	{ngProcedure, 0, "consigne|consignes|protocole|vigipirate|alarme|confinement|procedure*|lockdown|rappel|rappelle|rappelons; en ~1 cas ~1 d|de; mise ~1 en ~1 surete; plan ~1 particulier"},
	{ngLesson, 0, "cours|lecon*|histoire|geographie|geo|emc|controle|programme|chapitre*|etudi*|expose|exposes|revision*|manuel*|tp|chimie|physique|svt|musee|memorial|film|documentaire*|livre|roman|theatre|piece|resistance|debat*|devoir*|history|lesson*|museum|novel|bac|brevet|philo*|laicite|seance|sciences|textes|oeuvre|dissertation|analys*|etude|etudes|discours|exposition|conference|atelier|reaction|reactions|demonstration|experience|experiences|volcan|eruption|labo|laboratoire; guerre ~1 mondiale|froide; premiere|seconde ~1 guerre"},
	{ngReport, 0, "menace|menaces|menacer|menace*; message*|mail*|courrier*|lettre* ~3 recu*; police|gendarmerie|gendarmes|commissariat|plainte*|signalement*|signale*|enquete*|canular*|hoax|rassur*|apologie|incident*|victime; fausse* ~1 alerte*; cellule ~2 ecoute|crise|psychologique; a|ont ~1 ecrit|raconte|tague*|affiche*; m|lui|nous ~1 a ~1 dit; par ~1 precaution; direction; aucun ~1 danger; levee ~1 de ~1 doute; informons|informe|informer; reported|received; someone|somebody ~2 sent|posted|wrote|texted; message*|post|text ~2 saying|says; screenshot*; recu*|recoit|recoivent ~6 message*|mail*|texto*|sms|capture*|screen*|snap*; recu*|recoit|recoivent ~9 video*|vid; quelqu|quelquun ~2 a|m|ont ~1 envoye|poste|partage|publie|montre|transfere; a|ont ~1 montre ~1 a ~1 ma|mon|notre ~1 fille|fils|enfant; message*|capture*|screen*|mail* ~1 qui ~1 dit|disait|parle|parlait|annonce|annoncait; message*|capture*|mail* ~1 disant|parlant|annoncant; compte ~4 pirate*"},
	{ngCommem, 0, "hommage*|commemor*|memoire|souvenir|tribute|recueillement; minute ~1 de ~1 silence; aux|pour|des|nos|ses|leurs ~2 victimes|victime; in ~1 memory"},
	{ngLaugh, 0, "mdr|lol|haha*|hihi*|ptdr|xd|jpp|lmao|jk|hahaha*; !blague; !je ~1 rigole|plaisante"},
	{ngGame, 0, "@game; fortnite|minecraft|fifa|roblox|valorant|jeu|jeux|console|ps4|ps5|xbox|gaming|game|manette|defuse|clutch|respawn|lobby|ranked|squad|csgo|cs2|boxfight|airsoft|paintball|lasergame|nerf|valo|warzone|fortnite; laser ~1 game|tag; partie|parties|game|games|ranked ~3 cs|lol; partie ~1 de|d ~1 jeu; match|tournoi|finale|championnat|unss|foot|football|handball|basket|rugby|volley|cross|adversaires|coach|monopoly|uno|echecs|clash|brawl|badminton|pingpong|ping|tennis|kart|mariokart|smash|billard|bowling|babyfoot|belote|tarot|karting|petanque|quiz|kahoot|blindtest"},
	{ngPositive, 0, "bravo|felicitations|reussite|genial|super|top|merci|felicite"},
	{ngAdvice, 0, "jamais|hameconnage|phishing|frauduleux|frauduleuse|arnaque*|mefiez*|tentative*|virus|malware|prevention|dangereux|voler|volent; parlez|parle|parles ~3 adulte|adultes|parents|professeur; ne ~1 cliquez|communiquez|donnez|transmettez|repondez|partagez; aucun ~1 lien; ne ~2 demandera ~1 jamais; faux ~1 messages|mails"},
	{ngCondemn, 0, "condamn*|prevention|radicalisation|deradicalisation; contre ~1 le ~1 terrorisme; lutte ~1 contre"},
}

// compiled lexicon, built once at init.
type lexicon struct {
	entries   []entry
	byExact   map[string][]int32
	byPrefix  map[string][]int32
	prefixLen []int // distinct prefix lengths, ascending
	byClass   [64][]int32
	clsExact  map[string]uint64
	clsPrefix map[string]uint64
	clsPLen   []int
	compounds map[string][]compound
	// The words of the elements after the first, by element id: a key's
	// keyInfo.later lists the ids it matches, so that matchAll can skip an
	// entry one of whose elements matches no token of the message.
	nLater      int
	laterExact  map[string][]int32
	laterPrefix map[string][]int32
	laterPLen   []int
}

type compound struct {
	parts  []string
	merged string
}

var lx = compileLexicon()

// keyOf returns the matching key of a single lexicon word.
func keyOf(w string) string {
	a := analyze(w)
	if len(a.toks) != 1 {
		panic(fmt.Sprintf("screen: lexicon word %q is not one token", w))
	}
	return a.toks[0].key
}

func compileLexicon() *lexicon {
	l := &lexicon{
		byExact: map[string][]int32{}, byPrefix: map[string][]int32{},
		clsExact: map[string]uint64{}, clsPrefix: map[string]uint64{}, compounds: map[string][]compound{},
	}
	for _, c := range compoundList {
		parts := strings.Fields(c)
		var merged strings.Builder
		for i, p := range parts {
			parts[i] = keyOf(p)
			merged.WriteString(p)
		}
		m := keyOf(merged.String())
		l.compounds[parts[0]] = append(l.compounds[parts[0]], compound{parts: parts, merged: m})
	}
	plens := map[int]bool{}
	for bit, words := range classWords {
		for _, w := range strings.Fields(words) {
			if p, ok := strings.CutSuffix(w, "*"); ok {
				k := keyOf(p)
				l.clsPrefix[k] |= bit
				plens[len(k)] = true
			} else {
				l.clsExact[keyOf(w)] |= bit
			}
		}
	}
	l.clsPLen = sortedKeys(plens)
	plens = map[int]bool{}
	for _, group := range lex {
		for _, pat := range strings.Split(group.pat, ";") {
			pat = strings.TrimSpace(pat)
			if pat == "" {
				continue
			}
			e := entry{feat: group.f, w: group.w, src: pat}
			if strings.HasPrefix(pat, "!") {
				e.negatable = true
				pat = pat[1:]
			}
			for _, f := range strings.Fields(pat) {
				if strings.HasPrefix(f, "~") {
					n, err := strconv.Atoi(f[1:])
					if err != nil || n <= 0 {
						panic("screen: bad gap in " + pat)
					}
					e.elems = append(e.elems, elem{gap: n})
					continue
				}
				var el elem
				if strings.HasPrefix(f, "^") {
					el.anchor = true
					f = f[1:]
				}
				for _, alt := range strings.Split(f, "|") {
					switch {
					case strings.HasPrefix(alt, "@"):
						bit, ok := classNames[alt[1:]]
						if !ok {
							panic("screen: unknown class " + alt)
						}
						el.class |= bit
					case strings.HasSuffix(alt, "*"):
						el.prefix = append(el.prefix, keyOf(strings.TrimSuffix(alt, "*")))
					default:
						el.exact = append(el.exact, keyOf(alt))
					}
				}
				e.elems = append(e.elems, el)
			}
			if len(e.elems) == 0 || e.elems[0].gap > 0 || e.elems[len(e.elems)-1].gap > 0 {
				panic("screen: bad pattern " + pat)
			}
			idx := int32(len(l.entries))
			l.entries = append(l.entries, e)
			first := e.elems[0]
			for _, x := range first.exact {
				l.byExact[x] = append(l.byExact[x], idx)
			}
			for _, p := range first.prefix {
				l.byPrefix[p] = append(l.byPrefix[p], idx)
				plens[len(p)] = true
			}
			for b := 0; b < 64; b++ {
				if first.class&(1<<b) != 0 {
					l.byClass[b] = append(l.byClass[b], idx)
				}
			}
		}
	}
	l.prefixLen = sortedKeys(plens)
	l.laterExact, l.laterPrefix = map[string][]int32{}, map[string][]int32{}
	plens = map[int]bool{}
	for ei := range l.entries {
		els := l.entries[ei].elems
		for k := range els {
			el := &els[k]
			el.id = -1
			if k == 0 || el.gap > 0 {
				continue
			}
			if len(el.exact)+len(el.prefix) == 0 {
				l.entries[ei].req = append(l.entries[ei].req, elemReq{class: el.class, id: -1})
				continue
			}
			el.id = int32(l.nLater)
			l.nLater++
			l.entries[ei].req = append(l.entries[ei].req, elemReq{class: el.class, id: el.id})
			for _, x := range el.exact {
				l.laterExact[x] = append(l.laterExact[x], el.id)
			}
			for _, x := range el.prefix {
				l.laterPrefix[x] = append(l.laterPrefix[x], el.id)
				plens[len(x)] = true
			}
		}
	}
	l.laterPLen = sortedKeys(plens)
	return l
}

func sortedKeys(m map[int]bool) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// classOf returns the class bits of a token key (and its leet alternative).
func (l *lexicon) classOf(key string) uint64 {
	c := l.clsExact[key]
	for _, n := range l.clsPLen {
		if n > len(key) {
			break
		}
		c |= l.clsPrefix[key[:n]]
	}
	if isClockTime(key) {
		c |= clTime
	}
	return c
}

// isClockTime recognises 10h, 10h30, 14:00, 8am, 11pm.
func isClockTime(k string) bool {
	i := 0
	for i < len(k) && k[i] >= '0' && k[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i == len(k) {
		return false
	}
	rest := k[i:]
	switch {
	case rest == "am" || rest == "pm":
		return true
	case rest[0] == 'h' || rest[0] == ':':
		rest = rest[1:]
		if len(rest) == 0 {
			return k[i] == 'h'
		}
		if len(rest) != 2 {
			return false
		}
		return rest[0] >= '0' && rest[0] <= '5' && rest[1] >= '0' && rest[1] <= '9'
	}
	return false
}

// keyInfo is what the lexicon knows about one token key: its classes and
// the entries whose first element it may match. Computing it takes some
// twenty map lookups, so it is cached: the vocabulary of school messages is
// small and the cache is read-mostly.
type keyInfo struct {
	key   string // the key itself (its own copy): keyCache compares it
	class uint64
	cands []int32
	later []int32    // ids of the later elements whose words match the key
	comps []compound // the compounds that start with the key
	// The model's word features of the key, hashed once: [0] said
	// outright, [1] scoped out (see featureVec.fill); hw is the word,
	// hp the start of a pair whose first word is the key, hl the verb
	// lemma when it differs from the key (lemma != "").
	hw, hp [2]uint32
	hl     uint32
	lemma  string
	// credWord: the key is a secret word or « code(s) » (credentialRequest).
	credWord bool
	// pay: the key's payment word bits (pw*, credreq.go).
	pay uint8
	// expo: the key's exposure word classes (frames10.go, exposureThreat).
	expo uint16
	// f39: the key's classes for frames39.go's readers (f39Of).
	f39 uint16
	// f42: the key's classes for frames42.go's readers (f42Of).
	f42 uint16
	// en: the key's English word classes (english.go, enWordOf).
	en uint64
	// lure: the key's lure word bits (lureCall…, lurewords.go): the text
	// readers of call-back lures, codes and the unreachable boss run only
	// on a message with their words.
	lure uint8
	// For the clause frames and the model: the key's analyses in the
	// morphology table, its frame word classes and what it names.
	morph  []MorphEntry
	frame  uint32
	noun   actClass
	subj   uint8
	act    actClass
	actAt  int
	lf     uint16
	cues   uint8 // parseFrames' message cues (keyCues)
	p8     uint8 // pupil word classes (frames8p.go)
	contr  *[2]string
	g8     uint16   // the eighth round's cue bits (gc*, frames8g.go)
	c15    uint32   // the fifteenth round's component classes (c15*, frames15.go)
	fix    *wordFix // the repair of an unknown word (repair.go), or nil
	rflags uint8    // repairWords' message flags (rfTarget, rfAct)
	lang   uint8    // the key's language classes (langWord, langFrench, langNonLatin; lang.go)
	xl     uint32   // the key's cross-language harm concepts (1 << xlBombe…; xlex.go)
	xlHomo uint32   // the same of a key French knows too (xlOf)
	vm     uint8    // the violent-media word classes (vmHarmVerb…; frames38.go)
}

// The key cache is read on every token of every message and written
// rarely (a new word): reads go to an immutable map behind an atomic
// pointer, new keys to a locked map that is merged into a new snapshot
// once it holds a quarter as many keys (amortised copying).
var (
	infoSnap    atomic.Pointer[map[string]*keyInfo]
	infoMu      sync.Mutex
	infoPending = map[string]*keyInfo{}
	infoSize    int // keys in the snapshot and pending, under infoMu
)

const maxInfoCache = 200000 // beyond this, new keys are computed each time

func (l *lexicon) info(key string) *keyInfo {
	if m := infoSnap.Load(); m != nil {
		if ki, ok := (*m)[key]; ok {
			return ki
		}
	}
	infoMu.Lock()
	ki, ok := infoPending[key]
	infoMu.Unlock()
	if ok {
		return ki
	}
	ki = l.computeInfo(key)
	infoMu.Lock()
	defer infoMu.Unlock()
	if old, ok := infoPending[key]; ok {
		return old // computed by another goroutine meanwhile
	}
	if m := infoSnap.Load(); m != nil {
		if old, ok := (*m)[key]; ok {
			return old // published meanwhile
		}
	}
	if infoSize >= maxInfoCache {
		return ki
	}
	infoPending[ki.key] = ki
	infoSize++
	snap := infoSnap.Load()
	n := 0
	if snap != nil {
		n = len(*snap)
	}
	if len(infoPending) >= 64 && len(infoPending)*4 >= n {
		m := make(map[string]*keyInfo, n+len(infoPending))
		if snap != nil {
			for k, v := range *snap {
				m[k] = v
			}
		}
		for k, v := range infoPending {
			m[k] = v
		}
		infoSnap.Store(&m)
		infoPending = map[string]*keyInfo{}
	}
	return ki
}

// keyCache is a small direct-mapped cache in front of lx.info, held by a
// pooled scratch (so by one Check at a time): most of a message's words
// were seen by the previous messages, and a hit costs a short hash and a
// string comparison instead of the shared map's lookup.
type keyCache [4096]*keyInfo

func (c *keyCache) info(key string) *keyInfo {
	if c == nil {
		return lx.info(key)
	}
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	slot := &c[h&(uint32(len(c))-1)]
	if ki := *slot; ki != nil && ki.key == key {
		return ki
	}
	ki := lx.info(key)
	*slot = ki
	return ki
}

// functionHomographs are function words whose key is also a form of a
// verb (« tu » of taire, « lui » of luire, « du » of devoir, « ne » of
// naître, accents squeezed): they have no lemma, or every « lui » would
// also count as the verb luire in the model.
var functionHomographs = map[string]bool{"tu": true, "lui": true, "du": true, "ne": true}

func (l *lexicon) computeInfo(key string) *keyInfo {
	ki := &keyInfo{key: strings.Clone(key), class: l.classOf(key), morph: morphLookup(key)}
	ki.frame, ki.noun, ki.subj = frameWordInfo(key)
	ki.act, ki.actAt, ki.lf = verbInfo(ki.morph)
	ki.cues = keyCues(key, ki.frame, ki.lf, ki.morph)
	ki.p8 = pupilWordInfo(key, ki.morph)
	ki.g8 = groupCueOf(key, ki.morph)
	ki.c15 = c15Of(key, ki.morph)
	if c, ok := contractions[key]; ok {
		ki.contr = &c
	}
	set := map[int32]bool{}
	for _, e := range l.byExact[key] {
		set[e] = true
	}
	for _, n := range l.prefixLen {
		if n > len(key) {
			break
		}
		for _, e := range l.byPrefix[key[:n]] {
			set[e] = true
		}
	}
	for c := ki.class; c != 0; c &= c - 1 {
		for _, e := range l.byClass[trailingZeros(c)] {
			set[e] = true
		}
	}
	for e := range set {
		ki.cands = append(ki.cands, e)
	}
	sort.Slice(ki.cands, func(i, j int) bool { return ki.cands[i] < ki.cands[j] })
	ki.comps = l.compounds[key]
	ki.credWord = secretWords[key] || key == "code" || key == "codes"
	ki.pay = payWordsOf(key)
	ki.lang = langOf(ki)
	ki.xl, ki.xlHomo = xlOf(ki)
	ki.expo = expoWords[key]
	ki.vm = vmWords[key]
	ki.f39 = f39Of(key)
	ki.f42 = f42Of(key)
	ki.en = enWordOf(key)
	ki.lure = lureWords()[key]
	k := key
	if len(k) > 24 {
		k = k[:24]
	}
	for j, pre := range [2][2]string{{"w:", "b:"}, {"w~:", "b~:"}} {
		ki.hw[j] = fnvAdd(fnvAdd(fnvOffset, pre[0]), k)
		ki.hp[j] = fnvAdd(fnvAdd(fnvAdd(fnvOffset, pre[1]), k), " ")
	}
	if v, ok := lemmaVerb(ki.morph); ok && v.Lemma != key && !functionHomographs[key] {
		ki.lemma = v.Lemma
		ki.hl = fnvAdd(fnvAdd(fnvOffset, "l:"), v.Lemma)
	}
	ki.fix = l.computeFix(ki)
	ki.rflags = repairFlags(ki)
	ki.later = append(ki.later, l.laterExact[key]...)
	for _, n := range l.laterPLen {
		if n > len(key) {
			break
		}
		ki.later = append(ki.later, l.laterPrefix[key[:n]]...)
	}
	return ki
}
