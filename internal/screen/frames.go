package screen

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

// Clause frames: who does what, when, to whom and where, read clause by
// clause with the morphology table. A clause is a stretch of a sentence
// between commas, subordinators (que, qui, parce que, si, quand…) and
// coordinators followed by a new subject (« je suis armé | et je suis dans le
// lycée »). The frame of a clause says:
//
//   - the act (kill, burn, explode, shoot, stab, behead, plant, arm, attack),
//     from the lemma of its verb or a noun naming the act or the weapon;
//   - the actor's person, from the subject pronoun and the verb's inflection
//     (j'vais, jvais, chui are first person);
//   - the mood and tense: future (simple or aller + infinitive), imperative,
//     conditional, present (of a state too: « je suis armé »), past, passive,
//     bare infinitive;
//   - the target (te, vous, a group, a named person), the place (a noun
//     after dans, au, devant… or a school word), the time;
//   - incitation (il faut, qui vote pour, tuez ceux qui), approval of an
//     attack or its author, negation;
//   - the speaker's framing of that same clause: a report (third person and
//     past or passive, a reporting verb, a quotation), a drill, a lesson, a
//     joke or a game.
//
// A discount for a drill, lesson or report applies only to a clause whose
// act is itself framed that way (see scoreAll).

// actClass is what a clause's act is.
type actClass uint8

const (
	actNone actClass = iota
	actKill
	actBurn
	actExplode
	actShoot
	actStab
	actBehead
	actPlant
	actArm
	actAttack
	actHarm // a harm named by its outcome, not its act: « tu vas pas rentrer entier »
	numActs
)

var actNames = [numActs]string{"", "tuer", "brûler", "faire exploser", "tirer", "poignarder", "décapiter", "poser un engin", "être armé", "attaquer", "nuire"}

// tense is the time reference of a clause's main verb.
type tense uint8

const (
	tenseNone tense = iota
	tenseFuture
	tenseImperative
	tenseConditional
	tensePresent
	tensePast
	tensePassive // être + participle, present: a claim (« une bombe est posée »)
	tenseInfinitive
	tenseIntent // vouloir, compter, devoir + infinitive
)

var tenseNames = [...]string{"sans verbe", "futur", "impératif", "conditionnel", "présent", "passé", "passif", "infinitif", "intention"}

// frame is the reading of one clause.
type frame struct {
	start, end   int // token range
	act          actClass
	actTok       int // token carrying the act, or -1
	actor        uint8
	tense        tense
	negated      bool
	target2      bool // te, vous, ta famille
	targetGrp    bool // ceux qui, les X, tout le monde
	targetName   bool // a capitalised name
	place        bool
	school       bool
	time         bool
	incite       bool
	approve      bool
	report       bool
	quoted       bool
	drill        bool
	lesson       bool
	play         bool
	score        bool // a match score (« 5-0 »)
	weapon       bool
	presence     bool // « je suis dans le lycée »
	wish         bool // devrait, mériter de, envie de, j'aimerais: a wish for the act
	faith        bool // a religious group or an extremist reference
	extremist    bool // an extremist group, an attack or its author named
	rescuers     bool // victims, police, firefighters named: praise is for them
	laugh        bool // a laugh (mdr, 😂, je rigole): play unless the act is outright and grave
	allusion     bool // a comparison with a past attack (« comme à X ») or « retenez la date »
	attackRef    bool // an attack, its author or its target named (@ref, @extremist, pastAttackWords)
	justify      bool // « ils ont eu raison », « bien fait », « il l'a bien cherché »
	approveFirst bool // an approval word before any negation of the clause
	warn         bool // a warning: avertissement, réfléchir, « ils vont comprendre »
	commem       bool // a tribute: hommage, minute de silence
	fiction      bool // a third-person act in a message that names a fiction (film, série, jeu, roman…): narrated
	practice     bool // a weapon or act in a message about hunting, a shooting club, a lab or cooking, on no person
	praisePred   bool // a praise predicate: « est un exemple / un modèle », « sont des héros », « fallait en tuer plus »
	victimFirst  bool // a victim or rescuer named before the praise: « les victimes … sont des martyrs »
	attacker     bool // an attacker named by a noun (les frères, les terroristes, le tueur) or an extremist word
	outcome      bool // a harm named by a place of outcome: « finir à l'hôpital / au cimetière »
	praiseFirst  bool // the praise predicate stands before any negation of the clause
	praiseSubj   bool // its subject is a pronoun, an attacker or an extremist word (not « mon père »)
	fictionCue   bool // the clause names a fiction (not negated: « c'est pas un film »)
	compare      bool // comme, genre, mieux, pire: a comparison (« ce sera mieux qu'un film »)
	practiceCue  bool // the clause names hunting, a shooting sport, the lab or the kitchen
	body         bool // a harm on a part of the body, whatever the verb: « je vais te coudre la bouche »
	challenge    bool // a call to fight: « on se bat à la sortie », « viens en face »
	nearVerb     bool // the speaker comes, waits, looks for or knows (not past): with the reader's kin or home, intimidation
	kin          bool // the reader's kin or home: « ta sœur », « chez toi »
	ruin         bool // the school's ruin as an image or an outcome: « la cour sera rouge de sang »
	device       bool // a device claimed in the school: « un engin réglé pour 10h15 »
	admire       bool // daring, emulation or joining: « ils ont eu le cran de », « faire comme eux », « rejoignez-nous »
	pupil        bool // a threat between pupils read by frames8p.go: « jvais te soulever », « mon poing dans ta gueule »
	mark         bool // a challenge: « tu vas voir » (frames8p.go)
	people       bool // a group of people named by a noun: « tous les X », « ces X » (frames8g.go)
	schoolTime   bool // a grave act on the school or a place in it at a time, named with a game but no contest: no play (frames14.go)
	real         bool // a game or a joke the message says is real: no play (frames39.go)
	targetNoun   bool // a person or group of the school named by a noun (prof, CPE, élèves, tous: clTarget)
	told         bool // others' act told by a writer who asks not to be named (frames49.go): the rules take it as reported
	deathGlad    bool // a death approved: « c'est bien | que le prof soit mort » (frames47.go)
}

// agentive reports whether someone performs, claims or calls for the act
// in this clause: the speaker (first person), an order (imperative,
// incitation, wish), a threat at the reader, or a claimed weapon in a
// place. A bare mention ("combustion, explosion") is not agentive.
// rescuerWords name the victims and those who helped them: praise of them
// in a clause naming an attack (« honneur aux policiers du Bataclan ») is
// not approval of the attack.
var rescuerWords = map[string]bool{"pompiers": true, "pompier": true, "policiers": true, "policier": true, "gendarmes": true,
	"gendarme": true, "secours": true, "secouristes": true, "soignants": true, "medecins": true, "infirmiers": true,
	"victimes": true, "victime": true, "otages": true, "blesses": true, "survivants": true, "raid": true, "bri": true}

func (f *frame) agentive() bool {
	if f.act == actNone || f.negated {
		return false
	}
	if f.device {
		return f.tense != tensePast || f.actor == actor1 || f.school
	}
	if f.act == actHarm && f.outcome {
		// A place of harm is said of the reader as the subject: « tu vas
		// finir à l'hosto »; not « je vais finir aux urgences ».
		return f.actor == actor2 && (f.tense == tenseFuture || f.tense == tenseIntent || f.tense == tensePresent)
	}
	switch {
	case f.actor == actor1 && f.tense != tensePast && f.tense != tensePassive:
		return true
	case f.tense == tenseImperative || f.incite || f.wish:
		return true
	case f.target2 && (f.tense == tenseFuture || f.tense == tenseIntent || f.tense == tensePresent):
		return true
	case f.weapon && f.place && f.tense != tensePast:
		return true
	case f.tense == tenseFuture && f.actor != actor1 && (f.school || f.targetGrp) && (f.time || f.place || f.act == actKill || f.act == actExplode || f.act == actBurn):
		return true // a prediction against the school or a group: « les 3e vont mourir lundi »
	case f.tense == tensePresent && f.actor == actor3 && f.time && (f.targetNoun || f.school || f.targetGrp) && graveAct(f.act):
		return true // the present of a time to come: « il poignarde la CPE demain matin » (fortieth round)
	case f.tense == tenseFuture && f.actor == actor3 && (f.act == actBurn || f.act == actExplode) && (f.time || f.warn):
		return true // « le local à vélos va cramer à 16h », « la prochaine fois, c'est sa maison qui prendra feu »
	case f.act == actHarm && (f.tense == tenseFuture || f.tense == tenseIntent) && (f.actor == actor2 || f.target2 || f.school):
		return true // « tu vas le regretter », « le bâtiment C n'existera plus »
	case f.act == actHarm && f.actor == actor1 && f.target2 && f.tense == tensePresent:
		return true // « on te fait regretter d'être né »
	case f.act == actHarm && f.challenge && (f.actor == actor2 || f.tense == tenseImperative) && f.tense != tensePast && f.tense != tenseConditional:
		return true // « tu veux te battre ? », « viens en face »
	}
	return false
}

// graveAct reports whether c is an act of killing, shooting, exploding,
// burning, stabbing or beheading.
func graveAct(c actClass) bool {
	switch c {
	case actKill, actShoot, actExplode, actBurn, actStab, actBehead:
		return true
	}
	return false
}

// grave reports whether the clause announces in the first person and the
// future a killing, a shooting, an explosion or a fire against a group or
// a place: a laugh does not make that a joke (« on fait un carnage au self
// 😂 »), a game or a score still may.
func (f *frame) grave() bool {
	if f.negated || f.actor != actor1 || !(f.tense == tenseFuture || f.tense == tenseIntent || f.tense == tensePresent) {
		return false
	}
	return graveAct(f.act) && (f.targetGrp || f.school || f.place)
}

// framed reports whether the clause itself is a report, a quotation, a
// drill, a lesson or play.
func (f *frame) framed() bool {
	return f.report || f.quoted || f.drill || f.lesson || f.playful() || f.fiction || f.practice
}

// playful reports whether the clause is about a game or a joke. A score
// (« on les a explosés 5-0 », « on va les exploser 3-0 ») does not excuse
// a clause aimed at the reader or the school, or with a weapon: a score
// appended to a threat (« je vais tous vous tuer demain 2-1 ») does not
// make it a match report.
func (f *frame) playful() bool {
	return f.play || f.laugh && !f.grave() && !(f.act == actHarm && (f.outcome || f.body)) || f.score && !(f.target2 || f.school || f.weapon)
}

// Actors.
const (
	actorNone uint8 = iota
	actor1
	actor2
	actor3
)

var actorNames = [...]string{"sans sujet", "1re personne", "2e personne", "3e personne"}

// Word lists, written in plain French and turned into matching keys at init.
var (
	actLemmas = map[actClass]string{
		actKill:    "tuer buter assassiner massacrer abattre trucider zigouiller exterminer éradiquer anéantir crever liquider flinguer exécuter noyer pendre mourir empoisonner dézinguer",
		actBurn:    "brûler incendier cramer immoler enflammer flamber embraser",
		actExplode: "exploser dynamiter détoner sauter péter",
		actShoot:   "tirer fusiller mitrailler canarder rafaler",
		actStab:    "poignarder suriner lacérer saigner planter schlasser chlasser",
		actBehead:  "décapiter égorger",
		actPlant:   "poser déposer placer cacher planquer installer dissimuler",
		actArm:     "armer",
		actAttack:  "attaquer agresser frapper tabasser défoncer lyncher violer torturer étrangler kidnapper séquestrer souffrir trancher briser casser éclater cogner démonter défigurer vitrioler choper niquer maraver savater démolir fracasser viser lapider caillasser",
	}
	// slangActs are act verbs only with a person (or, for some, the
	// school) as their object: « je vais tous vous fumer », not « fumer
	// une clope au lycée »; « on te chope », not « choper un rhume ».
	slangActs = map[actClass]string{
		actKill:  "fumer terminer refroidir descendre dégommer",
		actShoot: "allumer plomber sulfater cartonner",
		actStab:  "trouer",
	}
	// slangSchool: of the verbs above, those the school can be the object
	// of (« on va démolir le lycée »).
	slangSchool = "démolir fracasser défoncer niquer"
	actNouns    = map[actClass]string{
		actExplode: "bombe bombes explosif explosifs tnt c4 dynamite détonateur attentat attentats explosion",
		actShoot:   "fusillade fusillades kalach kalash kalachnikov fusil pistolet flingue revolver",
		actKill:    "tuerie massacre carnage",
		actStab:    "couteau machette",
		actAttack:  "attaque agression lynchage lynchages tabassage tabassages",
	}
	weaponWords = "piégé piégée piégés piégées bombe bombes explosif explosifs tnt c4 dynamite engin arme armes kalach kalash kalachnikov fusil pistolet flingue revolver couteau opinel opinels canif canifs schlass surin machette grenade molotov ceinture"
	subjects    = map[string]uint8{
		"je": actor1, "j": actor1, "nous": actor1, "on": actor1, "moi": actor1,
		"tu": actor2, "t": actor2,
		"il": actor3, "elle": actor3, "ils": actor3, "elles": actor3, "ce": actor3, "c": actor3, "cela": actor3, "ca": actor3,
	}
	cliticWords      = "te t vous le la les l lui leur y en me m se s ne n nous toi"
	negWords         = "pas jamais plus rien aucun aucune personne guère"
	placePreps       = "dans au aux devant derrière sous chez vers"
	frameSchoolWords = "collège lycée école établissement cantine self réfectoire cdi gymnase gym cour récré récréation salle classe toilettes internat préau parking portail hall bâtiment amphi labo couloir scolaire profs bahut salledesprofs viescolaire" // and the compounds' keys (compoundList)
	subordinators    = "que qu qui quand si lorsque lorsqu puisque parce car mais donc puis sinon comme où dont comment pourquoi"
	reportVerbs      = "recevoir signaler informer écrire dire affirmer prétendre menacer annoncer raconter publier envoyer déclarer alerter prévenir évoquer rapporter insister répéter entendre"
	drillWords       = "exercice exercices ppms simulation entraînement alerte consigne consignes protocole vigipirate confinement évacuation procédure"
	lessonWords      = "cours leçon histoire géographie emc chapitre programme exposé manuel chimie physique svt musée film documentaire livre roman théâtre débat devoir guerre mondiale révolution"
	laughWords       = "mdr lol ptdr xd jpp haha blague rigole plaisante"
	playWords        = "fortnite minecraft roblox valorant fifa jeu jeux partie console manette gta cod warzone match tournoi finale équipe foot football hand handball basket rugby volley championnat unss coach entraînement score cross course tennis judo natation quiz adversaires clash royale brawl monopoly uno échecs cartes badminton pingpong ping kart smash billard bowling babyfoot belote tarot karting pétanque callofduty battlefield counterstrike rainbowsix amongus among imposteur imposteurs garou freefire rocketleague clashofclans leagueoflegends fallguys"
	doingLemmas      = "faire commettre préparer organiser lancer perpétrer avoir ramener apporter"
	lessonLemmas     = "étudier analyser commenter lire expliquer apprendre réviser visiter"
	wishWords        = "envie mériter mérite méritent méritait devrait devraient faudrait souhaite souhaiterais aimerais espère espérer seulement"
	faithWords       = "mécréant mécréants kouffar kouffars kuffar infidèle infidèles apostat apostats allah prophète juifs chrétiens musulmans croient croyants"
	approveWords     = "bravo gloire héros mérité méritait mérite vive honneur respect soutien vaincra vaincront récompense martyr martyrs félicitations glorieux glorieuse glorieuses courageux légitime légitimes soutenir soutiens soutient fan fans meilleur meilleure meilleurs fierté fier fière légende goat"
	inciteLemmas     = "falloir devoir"
	groupHeads       = "ceux celles tous toutes tout toutlemonde les"
	reportNouns      = "police gendarmerie plainte signalement menace menaces message messages courrier mail canular enquête"
	// thingWords are the objects of a hyperbole: « je vais le tuer ce
	// contrôle », « on a défoncé le niveau 3 », and the figures one makes
	// explode or a budget someone massacres (« on fait exploser les
	// chiffres de grévistes », « le chef a massacré la DHG »).
	thingWords = "chiffre chiffres compteur compteurs stat stats statistique statistiques score scores vente ventes budget budgets dhg prix records sondage sondages contrôle contrôles interro interros exam exams examen examens bac brevet partiel partiels dm dms devoir devoirs exo exos exercice exercices test tests évaluation éval oral oraux épreuve épreuves concours qcm dissertation dissert match matchs partie parties niveau niveaux boss jeu game record chapitre leçon sujet note notes bulletin pizza burger tacos gâteau chamallow chamallows marshmallow marshmallows saucisse saucisses merguez brochette brochettes chipolata chipolatas crêpe crêpes steak steaks repas assiette plat chanson morceau album film série épisode clope cigarette joint chicha barbecue bougie bougies feu lumière télé console ordi pc téléphone portable câble câbles plomb plombs durite fusible fusibles"
	// Outcomes of a threat that names no act: what will become of the
	// reader or the place (harm frame, actHarm).
	harmVerbs      = "regretter payer rayer" // « tu vas le regretter »; payer and rayer with their idiom (harmIdiom)
	moneyWords     = "combien euro euros prix facture factures chèque espèces carte cb virement fois tarif somme montant rembourser cantine abonnement place billet ticket bonbons"
	survivalWords  = "entier entière entiers entières vivant vivante vivants vivantes indemne indemnes"
	survivalVerbs  = "rentrer sortir repartir revenir finir rester partir"
	existenceVerbs = "exister rester" // negated: « n'existera plus », « il ne restera rien »
	// dateWords, with a memory verb in the imperative, and a past attack
	// named in the message, make an allusion: « retenez la date ».
	memoryVerbs = "retenir noter souvenir rappeler"
	dateWords   = "date jour heure"
	// pastAttackWords: school shootings and attacks abroad, and the name
	// of a target of one, which the lexicon's @ref class does not hold.
	pastAttackWords = "columbine parkland uvalde winnenden christchurch utoya kertch kerch sandyhook virginiatech charlie caricatures caricaturistes bataclan hypercacher magnanville breivik tarrant klebold abballa mogouchkov anzorov merah kouachi coulibaly"
	// A warning, with a past attack named, is an allusion: « on sait
	// comment ça a fini à X, il devrait réfléchir », « c'était un
	// avertissement ». Commemoration words make the message a tribute.
	warnWords   = "avertissement avertissements gaffe prochain prochaine prochains"
	warnLemmas  = "réfléchir méfier recommencer"
	commemWords = "hommage hommages commémoration mémoire pensée pensées silence recueillement"
	// fictionWords name a narrated world: a third-person act in a message
	// that names one is told, not done (« dans le film il tue tout le
	// monde »). « regarder / lire / mater » + a capitalised title too.
	fictionWords = "film films série séries serie épisode épisodes saison manga mangas anime animé roman romans bd livre livres personnage personnages héroïne méchant méchants scène tome netflix cinéma ciné trailer spoiler spoil spoile conte fable pièce"
	fictionVerbs = "regarder lire mater"
	// practiceWords name hunting, shooting sports, the lab and the
	// kitchen: a weapon named there, on no person, is equipment.
	practiceWords = "chasse chasser chasseur chasseurs chasseresse gibier balltrap biathlon tir armurerie permis carabine tp labo laboratoire hotte expérience expériences recette recettes cuisine cuisiner four casserole poêle chalumeau bunsen paillasse blouse blouses"
	// substanceWords are the objects of a lab, kitchen or hunting act:
	// « brûler du magnésium », « faire exploser un ballon », « tirer sur
	// les cibles », « abattre un sanglier », « on égorge le mouton » (the
	// Aïd, the Tabaski). A person or the school is never one of them.
	substanceWords = "magnésium sodium potassium lithium hydrogène dihydrogène oxygène méthane butane soufre fer cuivre zinc paille papier bois allumette allumettes ballon ballons bulle bulles mélange réactif réactifs échantillon échantillons solution sucre pain bananes banane crêpes crêpe viande poulet oignon oignons beurre caramel alcool rhum cognac cible cibles gibier sanglier sangliers chevreuil chevreuils cerf cerfs biche biches lapin lapins lièvre lièvres faisan faisans perdrix canard canards pigeon pigeons mouton moutons agneau agneaux bélier béliers chèvre chèvres cabri cabris veau veaux vache vaches cochon cochons dinde dindes poule poules plateau plateaux carton cartons canette canettes citrouille calories graisses bougie fusée fusées"
	// praiseNouns, after être, rester or devenir, praise the subject: with
	// an attacker or an attack named, that is glorification (« X est un
	// exemple pour la jeunesse », « les frères sont des héros »).
	praiseNouns = "exemple exemples modèle modèles héros heros légende légendes inspiration saint saints lion lions soldat soldats martyr martyrs icône icônes idole idoles génie génies guerrier guerriers champion champions fierté"
	// victimWords name the victims and those who helped them, as the
	// subject of praise: « les victimes de X sont des martyrs », « Samuel
	// Paty est un exemple ».
	victimWords = "victime victimes otages blessés survivants pompiers pompier policiers policier gendarmes gendarme secouristes soignants samuelpaty paty dominiquebernard bernard prof profs professeur professeurs enseignant enseignants journalistes dessinateurs caricaturistes rédaction"
	// attackerNouns name the authors of an attack.
	attackerNouns = "frères frère combattants combattant terroristes terroriste tueur tueurs kamikaze kamikazes assaillant assaillants auteurs djihadistes djihadiste jihadistes moudjahidines soldat soldats lion lions guerrier guerriers kouachi coulibaly merah abdeslam anzorov abaaoud mogouchkov abballa larossi nemmouche bouhlel kermiche petitjean amri breivik tarrant klebold harris lanza rodger crusius gendron bissonnette mcveigh"
	// outcomePlaces: where a threat says the reader will end up (« tu vas
	// finir à l'hôpital », « vous allez tous finir au cimetière »), after
	// a verb of ending up (outcomeVerbs); and where a body is dumped
	// (« tu finis dans le canal », « dans la Seine »).
	outcomePlaces = "hôpital hopital hosto urgences urgence cimetière cimetiere morgue réa réanimation fauteuil civière brancard cercueil planches tombe tombeau ambulance ambulances samu canal seine"
	outcomeVerbs  = "finir terminer atterrir dormir repartir rentrer sortir partir retrouver"
	// careVerbs take a part of the reader's body as their object without
	// harm (« je vais te laver les cheveux », « je te tiens la main »):
	// any other verb on te/lui + a part of the body, said by the speaker,
	// is a bodily harm (bodyHarm).
	careVerbs = "laver brosser coiffer peigner masser soigner embrasser tenir serrer prendre donner tendre maquiller toucher caresser gratter montrer essuyer moucher bander panser examiner regarder voir jurer sécher protéger réchauffer frotter mettre faire dire expliquer lever baisser tourner couvrir raser tresser dessiner photographier filmer opérer plâtrer ausculter soulager vernir tatouer percer passer prêter offrir demander vouloir pouvoir devoir aller avoir être soigner guérir nettoyer maquiller épiler démêler lisser friser teindre boucler peindre décorer farder poudrer"
	// fightLemmas, reciprocal (« on se bat », « tu veux te battre »), call
	// to a fight.
	fightLemmas = "battre bagarrer friter fighter clasher"
	// nearLemmas: the speaker comes, waits for, looks for, follows or
	// knows where; with the reader's kin or home named, intimidation
	// (« je sais où habite ta sœur », « on passe chez toi ce soir »): a
	// feature for the model, held by the rules only with a threat's
	// condition or warning.
	nearLemmas = "venir aller passer attendre chercher trouver retrouver savoir connaître suivre guetter débarquer surveiller monter descendre récupérer"
	// kinWords: the reader's kin and home, after ta, ton, tes, votre.
	kinWords = "mère mere daronne daron reum père frère frere sœur soeur famille parents maison adresse cousin cousine mamie papi copine copain meuf"
)

type frameLex struct {
	actVerb   map[string]actClass
	actNoun   map[string]actClass
	weapon    map[string]bool
	clitic    map[string]bool
	neg       map[string]bool
	placePrep map[string]bool
	school    map[string]bool
	subord    map[string]bool
	report    map[string]bool
	reportN   map[string]bool
	drill     map[string]bool
	lesson    map[string]bool
	play      map[string]bool
	laugh     map[string]bool
	wish      map[string]bool
	doing     map[string]bool
	lessonV   map[string]bool
	faith     map[string]bool
	approve   map[string]bool
	incite    map[string]bool
	group     map[string]bool
	subject   map[string]uint8
	lemma     map[string]string
	slang     map[string]bool // lemma keys of slangActs and the person-object verbs
	slangSch  map[string]bool
	thing     map[string]bool
	harmV     map[string]bool
	money     map[string]bool // words that make payer a payment (harmIdiom)
	survival  map[string]bool
	survivalV map[string]bool
	existV    map[string]bool
	intrans   map[string]bool
	memoryV   map[string]bool
	date      map[string]bool
	det       map[string]bool // determiners as keys: « cette » is read « cete »
	warn      map[string]bool
	warnV     map[string]bool
	commem    map[string]bool
	// pastAttack names attacks and their targets that a threat alludes to
	// (« comme à Columbine ») or a justification is about (« Charlie »),
	// beyond the lexicon's @ref class.
	pastAttack map[string]bool
	fiction    map[string]bool
	fictionV   map[string]bool
	practice   map[string]bool
	substance  map[string]bool
	praiseN    map[string]bool
	victim     map[string]bool
	attackerN  map[string]bool
	outcomeP   map[string]bool
	outcomeV   map[string]bool
	care       map[string]bool
	fight      map[string]bool
	nearV      map[string]bool
	kin        map[string]bool
	body       map[string]bool
	soft       map[string]bool
	stop       map[string]bool
}

var (
	flx         *frameLex
	frameLexOne sync.Once
)

// frameLexicon builds the frame word lists on first use (after the
// package's init has built the accent folding that keys need).
func frameLexicon() *frameLex {
	frameLexOne.Do(func() { flx = buildFrameLex() })
	return flx
}

// Lemma keys named in the code, set by buildFrameLex.
var (
	lemAimer       string
	lemAller       string
	lemArmer       string
	lemAvoir       string
	lemBriser      string
	lemCasser      string
	lemCommencer   string
	lemCompter     string
	lemDevoir      string
	lemExecuter    string
	lemFaire       string
	lemFinir       string
	lemAchever     string
	lemFalloir     string
	lemMourir      string
	lemMeriter     string
	lemNoyer       string
	lemPendre      string
	lemPenser      string
	lemPlanter     string
	lemDescendre   string
	lemEmpoisonner string // keys are squeezed: « empoisoner »
	lemPouvoir     string
	lemPeter       string
	lemRever       string
	lemSauter      string
	lemSouffrir    string
	lemSouhaiter   string
	lemTirer       string
	lemTrancher    string
	lemVote        string
	lemVouloir     string
	lemEclater     string
	lemEtre        string
	lemExister     string
	lemRester      string
	lemDevenir     string
)

func keySet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[keyOf(w)] = true
	}
	return m
}

func buildFrameLex() *frameLex {
	f := &frameLex{
		actVerb: map[string]actClass{}, actNoun: map[string]actClass{},
		weapon: keySet(weaponWords), clitic: keySet(cliticWords), neg: keySet(negWords),
		placePrep: keySet(placePreps), school: keySet(frameSchoolWords), subord: keySet(subordinators),
		report: keySet(reportVerbs), reportN: keySet(reportNouns), drill: keySet(drillWords),
		lesson: keySet(lessonWords), play: keySet(playWords), laugh: keySet(laughWords), wish: keySet(wishWords), faith: keySet(faithWords),
		doing: keySet(doingLemmas), lessonV: keySet(lessonLemmas), approve: keySet(approveWords),
		incite: keySet(inciteLemmas), group: keySet(groupHeads), subject: map[string]uint8{},
		slang:    keySet("choper niquer maraver savater démolir fracasser défoncer"),
		slangSch: keySet(slangSchool), thing: keySet(thingWords), harmV: keySet(harmVerbs), money: keySet(moneyWords), survival: keySet(survivalWords),
		survivalV: keySet(survivalVerbs), existV: keySet(existenceVerbs), memoryV: keySet(memoryVerbs), date: keySet(dateWords),
		pastAttack: keySet(pastAttackWords), intrans: keySet(intransitive),
		det:  map[string]bool{},
		warn: keySet(warnWords), warnV: keySet(warnLemmas), commem: keySet(commemWords),
		fiction: keySet(fictionWords), fictionV: keySet(fictionVerbs), practice: keySet(practiceWords),
		substance: keySet(substanceWords), praiseN: keySet(praiseNouns), victim: keySet(victimWords),
		attackerN: keySet(attackerNouns), outcomeP: keySet(outcomePlaces), outcomeV: keySet(outcomeVerbs),
		care: keySet(careVerbs), fight: keySet(fightLemmas), nearV: keySet(nearLemmas), kin: keySet(kinWords), body: keySet(bodyPartWords),
		soft: keySet(softLemmas), stop: keySet(stopLemmas),
	}
	for w := range determiners {
		f.det[w] = true
		f.det[keyOf(w)] = true
	}
	for c, ws := range slangActs {
		for _, w := range strings.Fields(ws) {
			f.actVerb[keyOf(w)] = c
			f.slang[keyOf(w)] = true
		}
	}
	for c, ws := range actLemmas {
		for _, w := range strings.Fields(ws) {
			f.actVerb[keyOf(w)] = c
		}
	}
	for c, ws := range actNouns {
		for _, w := range strings.Fields(ws) {
			f.actNoun[keyOf(w)] = c
		}
	}
	for w, a := range subjects {
		f.subject[keyOf(w)] = a
	}
	lemAimer = keyOf("aimer")
	lemAller = keyOf("aller")
	lemArmer = keyOf("armer")
	lemAvoir = keyOf("avoir")
	lemBriser = keyOf("briser")
	lemCasser = keyOf("casser")
	lemCommencer = keyOf("commencer")
	lemCompter = keyOf("compter")
	lemDevoir = keyOf("devoir")
	lemExecuter = keyOf("exécuter")
	lemFaire = keyOf("faire")
	lemFinir = keyOf("finir")
	lemAchever = keyOf("achever")
	lemFalloir = keyOf("falloir")
	lemMourir = keyOf("mourir")
	lemMeriter = keyOf("mériter")
	lemNoyer = keyOf("noyer")
	lemPendre = keyOf("pendre")
	lemPenser = keyOf("penser")
	lemPlanter = keyOf("planter")
	lemDescendre = keyOf("descendre")
	lemEmpoisonner = keyOf("empoisonner")
	lemPouvoir = keyOf("pouvoir")
	lemPeter = keyOf("péter")
	lemRever = keyOf("rêver")
	lemSauter = keyOf("sauter")
	lemSouffrir = keyOf("souffrir")
	lemSouhaiter = keyOf("souhaiter")
	lemTirer = keyOf("tirer")
	lemTrancher = keyOf("trancher")
	lemVote = keyOf("vote")
	lemVouloir = keyOf("vouloir")
	lemEclater = keyOf("éclater")
	lemEtre = keyOf("être")
	lemExister = keyOf("exister")
	lemRester = keyOf("rester")
	lemDevenir = keyOf("devenir")
	f.lemma = map[string]string{}
	for _, w := range strings.Fields("armer mériter aimer souhaiter commencer exécuter noyer pendre casser briser trancher éclater souffrir mourir aller avoir compter devoir faire falloir penser planter pouvoir péter rêver sauter tirer vote vouloir être") {
		f.lemma[w] = keyOf(w)
	}
	addPupilLex(f)
	return f
}

// volunteerWords, after « qui est » and before « pour », call for
// volunteers.
var volunteerWords = map[string]bool{"chaud": true, "chaude": true, "partant": true, "partante": true, "motive": true, "motivee": true, "dispo": true, "pret": true, "prete": true, "chau": true}

// contractions spell a subject and a verb as one token (jvais, chui).
var contractions = map[string][2]string{
	"jvais": {"je", "vais"}, "jvai": {"je", "vais"}, "jve": {"je", "vais"}, "jv": {"je", "vais"},
	"chui": {"je", "suis"}, "chuis": {"je", "suis"}, "jsuis": {"je", "suis"},
	"jsui": {"je", "suis"}, "jai": {"je", "ai"}, "jpeux": {"je", "peux"}, "jveux": {"je", "veux"},
	"jte": {"je", "te"}, "jtue": {"je", "tue"}, "jme": {"je", "me"},
	"jcompte": {"je", "compte"},
}

// ftok is a token as the frame parser sees it.
type ftok struct {
	key   string
	tok   int // index in the detection tokens
	morph []MorphEntry
	cap   bool     // capitalised in the source, not first of its sentence
	fc    uint32   // frame word classes (fc_*)
	noun  actClass // the act a noun names
	subj  uint8    // the actor a subject pronoun names
	act   actClass // the act of its first verb analysis with an act lemma
	actAt int      // index of that analysis in morph
	lf    uint16   // lemma classes (lf*)
	cues  uint8    // the message cues the key brings (keyCues)
	p8    uint8    // pupil word classes (frames8p.go)
	g8    uint16   // the key's group cues (gc*, frames8g.go): groupLex.cue[key]
}

// Lemma classes of a key's verb analyses.
const (
	lfReport uint16 = 1 << iota
	lfDoing
	lfLesson
	lfVerb    // has a verb analysis
	lfEtre    // a form of être
	lfFalloir // a form of falloir
	lfHarm    // regretter, exister: the outcome of a threat (harm frame)
	lfMemory  // retenir, noter: « retenez la date »
	lfWarn    // réfléchir, méfier, recommencer: a warning (with a past attack named, an allusion)
	lfFiction // regarder, lire, mater: before a capitalised title, a fiction
	lfOutcome // finir, atterrir, dormir…: before a place of outcome (hôpital, cimetière), a harm
	lfCopula  // être, rester, devenir: before a praise noun, a praise predicate
	lfCare    // laver, masser, tenir…: a part of the body as object is no harm
	lfFight   // battre, bagarrer: reciprocal, a call to fight
	lfNear    // venir, attendre, chercher, savoir…: with the reader's kin, intimidation
	lfStop    // arrêter, cesser, éviter + de: the act after it is stopped, not done
)

// verbInfo returns what a key's verb analyses say for the frames.
func verbInfo(morph []MorphEntry) (act actClass, at int, lf uint16) {
	f := frameLexicon()
	prep := false
	for _, m := range morph {
		if m.POS == POSPrep {
			prep = true
		}
	}
	for i, m := range morph {
		if m.POS != POSVerb {
			continue
		}
		lf |= lfVerb
		switch m.Lemma {
		case lemEtre:
			lf |= lfEtre
		case lemFalloir:
			lf |= lfFalloir
		}
		// A form that is also a preposition is read as one: « pendant
		// l'atelier » (pendre), « durant », « suivant ».
		if c := f.actVerb[m.Lemma]; c != actNone && act == actNone && !prep {
			act, at = c, i
		}
		if f.report[m.Lemma] {
			lf |= lfReport
		}
		if f.doing[m.Lemma] {
			lf |= lfDoing
		}
		if f.lessonV[m.Lemma] {
			lf |= lfLesson
		}
		if f.harmV[m.Lemma] || f.existV[m.Lemma] {
			lf |= lfHarm
		}
		if f.memoryV[m.Lemma] {
			lf |= lfMemory
		}
		if f.warnV[m.Lemma] {
			lf |= lfWarn
		}
		if f.fictionV[m.Lemma] {
			lf |= lfFiction
		}
		if f.outcomeV[m.Lemma] {
			lf |= lfOutcome
		}
		if m.Lemma == lemEtre || m.Lemma == lemRester || m.Lemma == lemDevenir {
			lf |= lfCopula
		}
		if f.care[m.Lemma] {
			lf |= lfCare
		}
		if f.fight[m.Lemma] {
			lf |= lfFight
		}
		if f.nearV[m.Lemma] {
			lf |= lfNear
		}
		if f.stop[m.Lemma] {
			lf |= lfStop
		}
	}
	return act, at, lf
}

// Frame word classes, computed once per key (frameWordInfo, cached with
// the lexicon's keyInfo) so that parsing a clause costs no map lookups.
const (
	fc_weapon uint32 = 1 << iota
	fc_clitic
	fc_neg
	fc_placePrep
	fc_school
	fc_subord
	fc_reportN
	fc_drill
	fc_lesson
	fc_play
	fc_approve
	fc_wish
	fc_faith
	fc_group
	fc_det
	fc_skip
	fc_laugh
	fc_thing
	fc_survival
	fc_date
	fc_pastAttack
	fc_warn
	fc_commem
	fc_fiction
	fc_practice
	fc_substance
	fc_praiseN
	fc_victim
	fc_attackerN
	fc_outcomeP
	fc_body // a part of the body (bodyParts)
	fc_kin  // the reader's kin or home (kinWords)
)

// frameWordInfo returns the frame classes of a key.
func frameWordInfo(key string) (uint32, actClass, uint8) {
	f := frameLexicon()
	var fc uint32
	for _, x := range []struct {
		m   map[string]bool
		bit uint32
	}{
		{f.weapon, fc_weapon}, {f.clitic, fc_clitic}, {f.neg, fc_neg}, {f.placePrep, fc_placePrep}, {f.school, fc_school},
		{f.subord, fc_subord}, {f.reportN, fc_reportN}, {f.drill, fc_drill}, {f.lesson, fc_lesson}, {f.play, fc_play},
		{f.approve, fc_approve}, {f.wish, fc_wish}, {f.faith, fc_faith}, {f.group, fc_group}, {f.det, fc_det}, {skipAdverb, fc_skip},
		{f.laugh, fc_laugh}, {f.thing, fc_thing}, {f.survival, fc_survival}, {f.date, fc_date}, {f.pastAttack, fc_pastAttack},
		{f.warn, fc_warn}, {f.commem, fc_commem}, {f.fiction, fc_fiction}, {f.practice, fc_practice},
		{f.substance, fc_substance}, {f.praiseN, fc_praiseN}, {f.victim, fc_victim}, {f.attackerN, fc_attackerN},
		{f.outcomeP, fc_outcomeP}, {f.body, fc_body}, {f.kin, fc_kin},
	} {
		if x.m[key] {
			fc |= x.bit
		}
	}
	return fc, f.actNoun[key], f.subject[key]
}

// personNounBefore are the words after which « personne » is a noun
// (built with frames39.go's sets: keys fold accents only after init).
var personNounBefore map[string]bool

// parseFrames splits the tokens into clauses and reads the frame of each.
// clauseOf receives, for each detection token, the index of its clause.
func parseFrames(src string, toks []dtok, clauseOf []int, out []frame, fts []ftok) ([]frame, []ftok) {
	frameLexicon()
	f39Sets()
	fts = fts[:0]
	for i := range toks {
		k := toks[i].key
		if c, ok := toks[i].info.contraction(); ok && !(k == "tes" && i+1 < len(toks) && toks[i+1].key != "" && !isParticipleOrAdj(toks[i+1].key)) {
			fts = append(fts, newFtok(c[0], i, lx.info(c[0])), newFtok(c[1], i, lx.info(c[1])))
			continue
		}
		ft := newFtok(k, i, toks[i].info)
		// « une personne », « toute personne présente »: a noun after a
		// determiner, not the negation (fortieth round).
		if k == keyPersonne && len(fts) > 0 && personNounBefore[fts[len(fts)-1].key] {
			ft.fc &^= fc_neg
		}
		if toks[i].flags&tSentence == 0 && toks[i].start < len(src) {
			b := src[toks[i].start]
			ft.cap = b >= 'A' && b <= 'Z' && !isUpperWord(src[toks[i].start:toks[i].end])
		}
		fts = append(fts, ft)
	}
	// The sixth round's readers run only on messages with their cue: a
	// part of the body, the reader's kin or home, a fight.
	// Each key's cues are decided once, in its keyInfo (keyCues).
	var cues uint8
	for i := range fts {
		cues |= fts[i].cues
	}
	start, prevStart := 0, 0
	for i := 0; i <= len(fts); i++ {
		if i < len(fts) && (i == start || !clauseBreak(src, toks, fts, start, i)) {
			continue
		}
		if i > start {
			fr := readClause(src, toks, fts[start:i], cues)
			if fr.act != actNone && fr.tense == tensePast && proposedAct(src, toks, fts, prevStart, start, i) {
				// « et si on la noyait ? »: a proposal, not a past told.
				fr.tense, fr.report = tenseConditional, false
			}
			if k := fts[start].key; (k == "que" || k == "qu") && len(out) > 0 && out[len(out)-1].report && out[len(out)-1].act == actNone {
				fr.report = true // « un élève a écrit qu'il allait… »
			}
			if k := fts[start].key; (k == "que" || k == "qu") && len(out) > 0 && out[len(out)-1].act == actNone && !out[len(out)-1].negated &&
				(out[len(out)-1].wish || out[len(out)-1].incite) && !out[len(out)-1].report {
				fr.wish = true // « je souhaite que tous les X soient abattus »
			}
			// « un message qui tourne comme quoi il va y avoir une attaque »,
			// « un message qui parle d'une bombe au lycée »: what a message
			// or a rumour says is reported.
			if !fr.report && fr.act != actNone && hearsay(fts, start, i) {
				fr.report = true
			}
			// « c'est bien | que le prof soit mort »: a death approved.
			if k := fts[start].key; (k == "que" || k == "qu") && prevStart < start && approvedBefore(fts[prevStart:start]) && deathTold(fts[start:i]) {
				fr.justify, fr.deathGlad = true, true
			}
			// « il ne restera | que des cendres du lycée »: the ruin's
			// clause opens with que after a negated future.
			if k := fts[start].key; (k == "que" || k == "qu") && cues&cueRuin != 0 && fr.act == actNone && prevStart < start && negatedFuture(fts[prevStart:start]) {
				readRuinAfter(fts[start:i], &fr)
			}
			// « la prochaine fois, c'est sa maison | qui prendra feu »: a
			// warning carries over to the fire or blast of the clause
			// after it.
			// It runs through clauses with no act: « la prochaine fois, |
			// c'est ton garage | qui prendra feu ».
			if (fr.act == actBurn || fr.act == actExplode || fr.act == actNone) && len(out) > 0 && out[len(out)-1].warn &&
				out[len(out)-1].act == actNone && !out[len(out)-1].negated {
				fr.warn = true
			}
			// « Match de hand ce soir : on va les massacrer »: an act on
			// « les » right after a clause naming a match or a game is
			// about the opponents, unless it names the school, a weapon,
			// the reader or a time of its own.
			if fr.act != actNone && !fr.play && len(out) > 0 && out[len(out)-1].play && out[len(out)-1].act == actNone &&
				!fr.school && !fr.weapon && !fr.target2 && !fr.time && !fr.targetName && clitLes(fts[start:i]) {
				fr.play = true
			}
			prevStart = start
			id := len(out)
			out = append(out, fr)
			for j := start; j < i; j++ {
				if t := fts[j].tok; t < len(clauseOf) {
					clauseOf[t] = id
				}
			}
		}
		start = i
	}
	readGroups(toks, fts, out)
	setting(src, toks, out)
	pupilGames(toks, out)
	schoolGames(toks, out)
	realGames(src, toks, out)
	uncaption(src, toks, out)
	return out, fts
}

// setting applies the message's setting to its clauses. In a message that
// names a fiction, an act told in the third person (present or past, not
// at the reader, no time given) is narrated: « on regarde John Wick, il
// tue tout le monde ». In a message about hunting, a shooting sport, the
// lab or the kitchen that does not address the reader, an act or a weapon
// of someone else, on no person and not on the school, is practice: « il
// range son fusil dans un coffre ».
func setting(src string, toks []dtok, frames []frame) {
	fiction, practice, reader := false, false, false
	for i := range frames {
		// « mieux qu'un film », « comme dans un film »: a comparison, in
		// the clause or the one before it, names no fiction being told.
		compared := frames[i].compare || i > 0 && frames[i-1].compare
		fiction = fiction || frames[i].fictionCue && !frames[i].negated && !compared
		practice = practice || frames[i].practiceCue && !frames[i].negated
		reader = reader || frames[i].target2
	}
	// A message that addresses the reader (« …, vous allez voir ») is
	// not a hunting or lab report.
	practice = practice && !reader
	// Others' acts told by a pupil who asks not to be named are reported
	// (frames49.go).
	if anonymityAsked(toks) {
		for i := range frames {
			if f := &frames[i]; f.act != actNone && f.actor != actor1 && f.actor != actor2 && !f.target2 {
				f.told = true
			}
		}
	}
	// A fiction named only in a caption after an anchored act narrates
	// nothing (frames26.go).
	if fiction && captionedFiction(src, toks, frames) {
		fiction = false
	}
	if !fiction && !practice {
		return
	}
	for i := range frames {
		f := &frames[i]
		if f.act == actNone || f.act == actHarm || f.target2 || f.actor == actor2 {
			continue
		}
		switch f.tense {
		case tenseFuture, tenseImperative, tenseIntent, tenseConditional:
			continue
		}
		if fiction && f.actor != actor1 && !f.time {
			f.fiction = true
		}
		if practice && !f.school && !f.targetGrp && f.actor != actor1 {
			f.practice = true
		}
		// The lexicon's patterns over a narrated or practised act go, as
		// over a hyperbole (« il tue tout le monde » in a film).
		if (f.fiction || f.practice) && f.actTok >= 0 && f.actTok < len(toks) {
			toks[f.actTok].hyper = true
		}
	}
}

func isUpperWord(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
		if s[i] >= 'A' && s[i] <= 'Z' {
			n++
		}
	}
	return n > 1
}

func isParticipleOrAdj(key string) bool {
	for _, m := range lx.info(key).morph {
		if m.Moods&MoodPastParticiple != 0 {
			return true
		}
	}
	return false
}

// clausePunct reports whether between holds one of , « » " “ ” ( ): a
// byte loop, since strings.ContainsAny with non-ASCII characters decodes
// every rune and between is most often one space.
func clausePunct(between string) bool {
	for i := 0; i < len(between); i++ {
		switch b := between[i]; {
		case b == ',' || b == '"' || b == '(' || b == ')':
			return true
		case b >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(between[i:])
			if r == '«' || r == '»' || r == '“' || r == '”' {
				return true
			}
		}
	}
	return false
}

// clauseBreak reports whether a new clause starts at fts[i].
// comparison reports whether « comme » at i compares a noun with a
// person (« les X comme vous », « un type comme toi »): no clause opens
// there, and the noun keeps its verb (« les X comme vous devraient … »).
func comparison(fts []ftok, i int) bool {
	if i == 0 || i+1 >= len(fts) || fts[i-1].lf&lfVerb != 0 || fts[i-1].subj != actorNone || fts[i-1].fc&(fc_clitic|fc_neg|fc_subord) != 0 {
		return false
	}
	switch fts[i+1].key {
	case "vous", "toi", "moi", "lui", "eux", "elle", "elles", "nous":
		return true
	}
	return false
}

func clauseBreak(src string, toks []dtok, fts []ftok, start, i int) bool {
	ti := fts[i].tok
	if ti == fts[i-1].tok {
		return false // inside a contraction
	}
	if toks[ti].flags&tSentence != 0 {
		return true
	}
	if toks[ti-1].end > toks[ti].start {
		return false // two tokens of one chat word (jvais → je vais)
	}
	if clausePunct(src[toks[ti-1].end:toks[ti].start]) {
		return true
	}
	// Into or out of a quotation, whatever its marks: the tokenizer told
	// a quoting apostrophe (« il a écrit 'bombe' sur le mur ») from an
	// elision, which clausePunct cannot.
	if (toks[ti-1].flags^toks[ti].flags)&tQuoted != 0 {
		return true
	}
	k := fts[i].key
	if k == "come" && comparison(fts, i) { // comme
		return false
	}
	if fts[i].fc&fc_subord != 0 {
		return true
	}
	if (k == "et" || k == "ou") && i+1 < len(fts) {
		if fts[i+1].subj != actorNone {
			return true
		}
	}
	// Run-on clauses, as pupils write them without punctuation: « si t'as
	// pas l'argent lundi | on te chope », « jvais te casser les jambes |
	// tu pourras plus jouer ». A subject pronoun opens a clause when the
	// current one already has a subject and a finite verb and the word
	// before is not a clitic, a negation, a pronoun or a preposition.
	// « vous » and « nous », which the subjects leave out as they are
	// objects too, count as the current clause's subject before a finite
	// verb: « si vous dites que vous avez vu la photo | je vous casse… ».
	// A pronoun after a preposition is stressed, not a clitic or a
	// subject, and ends its phrase: « si tu joues au foot avec nous | on
	// te casse les jambes ».
	if fts[i].subj != actorNone && k != "t" && k != "nous" && k != "vous" && k != "ce" && i-start > 2 &&
		(fts[i-1].fc&(fc_clitic|fc_neg|fc_subord|fc_placePrep) == 0 && fts[i-1].subj == actorNone || stressedPronoun(fts, start, i-1)) &&
		!runOnPrep[fts[i-1].key] {
		subj, verb := false, false
		for j := start; j < i-1; j++ {
			subj = subj || fts[j].subj != actorNone || (fts[j].key == "vous" || fts[j].key == "nous") && isFinite(fts[j+1].morph)
			verb = verb || subj && isFinite(fts[j].morph)
		}
		if subj && verb {
			return true
		}
	}
	// A negated imperative run on after a clause with its subject and
	// verb: « je vais te déchirer | n'oublie pas », whose « pas » is not
	// the threat's. ne opens a clause when the word before is a verb that
	// takes no infinitive after it, not a subject, clitic or preposition.
	if (k == "ne" || k == "n") && i-start > 2 && i+1 < len(fts) && fts[i+1].lf&lfVerb != 0 &&
		fts[i-1].fc&(fc_clitic|fc_neg|fc_subord|fc_placePrep) == 0 && fts[i-1].subj == actorNone && !runOnPrep[fts[i-1].key] &&
		fts[i-1].lf&lfVerb != 0 && fts[i-1].lf&(lfFalloir|lfEtre) == 0 && !isFinite(fts[i-1].morph) {
		subj, verb := false, false
		for j := start; j < i-1; j++ {
			subj = subj || fts[j].subj != actorNone
			verb = verb || subj && isFinite(fts[j].morph)
		}
		if subj && verb {
			return true
		}
	}
	return false
}

// stressPreps are the prepositions after which a personal pronoun is
// stressed (the places' prepositions are fc_placePrep).
var stressPreps = keySet("pour avec sans de d à contre sur par entre")

// stressedPronoun reports whether fts[j] is a personal pronoun right
// after a preposition (« avec nous », « chez toi », « derrière eux »).
func stressedPronoun(fts []ftok, start, j int) bool {
	if j-1 < start {
		return false
	}
	switch fts[j].key {
	case "nous", "vous", "moi", "toi", "lui", "eux", "elle", "elles":
		return stressPreps[fts[j-1].key] || fts[j-1].fc&fc_placePrep != 0
	}
	return false
}

func hasVerb(ms []MorphEntry) (MorphEntry, bool) {
	for _, m := range ms {
		if m.POS == POSVerb {
			return m, true
		}
	}
	return MorphEntry{}, false
}

// lemmaVerb is the verb reading whose lemma the model sees: an act verb's
// when the form has one, since the first reading in the table can be a
// rare homograph ("tue" is first a participle of « taire », whose weight
// then learns from every « je vous tue »).
func lemmaVerb(ms []MorphEntry) (MorphEntry, bool) {
	f := frameLexicon()
	for _, m := range ms {
		if m.POS == POSVerb && f.actVerb[m.Lemma] != actNone {
			return m, true
		}
	}
	return hasVerb(ms)
}

func lemmaIs(ms []MorphEntry, lemma string) (MorphEntry, bool) {
	for _, m := range ms {
		if m.POS == POSVerb && m.Lemma == lemma {
			return m, true
		}
	}
	return MorphEntry{}, false
}

func personActor(p Person) uint8 {
	switch {
	case p&(Person1Sg|Person1Pl) != 0 && p&^(Person1Sg|Person1Pl) == 0:
		return actor1
	case p&(Person2Sg|Person2Pl) != 0 && p&^(Person2Sg|Person2Pl) == 0:
		return actor2
	case p&(Person3Sg|Person3Pl) != 0 && p&^(Person3Sg|Person3Pl) == 0:
		return actor3
	}
	return actorNone
}

// readClause reads the frame of one clause.
func readClause(src string, toks []dtok, fts []ftok, cues uint8) frame {
	fr := frame{start: fts[0].tok, end: fts[len(fts)-1].tok + 1, actTok: -1}
	subject := actorNone
	subjectAt := -1
	harm := false      // a word of readHarm's
	var framing uint32 // the framing nouns' classes (framingWord)
	sawVictim := false // a victim or rescuer named before any praise
	actSeen := false   // an act word seen in the clause
	for i := range fts {
		ft := &fts[i]
		k := ft.key
		t := &toks[ft.tok]
		if t.flags&tQuoted != 0 {
			fr.quoted = true
		}
		if a := ft.subj; a != actorNone && subject == actorNone {
			// "t" is "te" before a verb starting with a vowel unless a
			// verb follows directly as a subject would have it.
			if k != "t" || i+1 < len(fts) && len(fts[i+1].morph) > 0 && isFinite(fts[i+1].morph) {
				subject, subjectAt = a, i
			}
		}
		// « sans aucune pitié » negates no verb.
		// « ne » and « n' » stand before a verb or a clitic; a lone « n »
		// is « nn » (non) squeezed: « 😂 nn sérieux ».
		if ft.fc&fc_neg != 0 && k != "personne" && (i == 0 || fts[i-1].key != "sans") ||
			(k == "ne" || k == "n") && i+1 < len(fts) && (fts[i+1].lf&lfVerb != 0 || fts[i+1].fc&fc_clitic != 0) {
			fr.negated = true
		}
		if k == "te" || k == "toi" || (k == "t" && subjectAt != i && !(i+1 < len(fts) && fts[i+1].key == "inquiete")) || k == "ta" || k == "tes" || k == "ton" {
			fr.target2 = true
		}
		if k == "vous" && subjectAt != i {
			fr.target2 = true
		}
		if ft.fc&fc_group != 0 && (i+1 < len(fts) || k == "ceux" || k == "celles") || k == "toutlemonde" {
			fr.targetGrp = true
		}
		if ft.cap {
			fr.targetName = true
		}
		if t.class&clTarget != 0 {
			fr.targetNoun = true
		}
		if ft.fc&fc_placePrep != 0 && i+1 < len(fts) || (k == "a" && i+2 < len(fts) && fts[i+1].key == "la" && !fts[i+2].cap) {
			fr.place = true
		}
		if ft.fc&fc_school != 0 {
			fr.school, fr.place = true, true
		}
		if t.class&clTime != 0 {
			fr.time = true
		}
		if ft.fc&fc_weapon != 0 {
			fr.weapon = true
		}
		// Framing nouns (a report, a drill, a lesson, a game) are kept
		// apart until the act is known: they frame it only when they
		// stand in its phrase (framesAct).
		if fw := framingWord(fts, i); fw != 0 {
			framing |= fw
		} else if k == "cours" && ft.fc&fc_lesson != 0 {
			fr.time = true // « après les cours », « à la fin des cours » say when
		}
		if ft.lf&lfLesson != 0 {
			fr.lesson = true
		}
		if ft.fc&fc_laugh != 0 {
			fr.laugh = true
		}
		if ft.fc&fc_pastAttack != 0 {
			fr.attackRef = true
		}
		// An allusion: « comme à Columbine », « retenez la date ».
		if ft.fc&fc_pastAttack != 0 || t.class&clRef != 0 {
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if fts[j].key == "come" || fts[j].key == "genre" {
					fr.allusion = true
				}
			}
		}
		if ft.lf&lfMemory != 0 && ft.fc&fc_date == 0 {
			if v, ok := hasVerb(ft.morph); ok && v.Moods&MoodImperative != 0 {
				for j := i + 1; j < len(fts) && j <= i+4; j++ {
					if fts[j].fc&fc_date != 0 {
						fr.allusion = true
					}
				}
			}
		}
		if ft.lf&lfHarm != 0 || ft.fc&fc_survival != 0 {
			harm = true
		}
		// « ils vont comprendre » warns too.
		if ft.fc&fc_warn != 0 || ft.lf&lfWarn != 0 || k == "comprendre" && i > 0 && prevIs(fts, i, lemAller) {
			fr.warn = true
		}
		if ft.fc&fc_commem != 0 {
			fr.commem = true
		}
		if justifiedIt(fts, i) || deservedIt(fts, i) {
			fr.justify = true
		}
		if k != "" && k[0] >= '0' && k[0] <= '9' && isScore(fts, i) {
			fr.score = true
		}
		if ft.fc&fc_approve != 0 && !askedAbout(fts, i) {
			fr.approve = true
			// « des martyrs, pas des terroristes »: the negation after the
			// praise negates what follows, not the praise.
			fr.approveFirst = fr.approveFirst || !fr.negated
		}
		// Only as the one addressed (« honneur aux pompiers »): « les
		// victimes l'avaient cherché » blames them.
		if i > 0 && (fts[i-1].key == "aux" || fts[i-1].key == "au" || fts[i-1].key == "a") && rescuerWords[k] {
			fr.rescuers = true
		}
		if ft.fc&fc_wish != 0 {
			fr.wish = true
		}
		if ft.fc&fc_faith != 0 || t.class&(clExtremist|clRef) != 0 {
			fr.faith = true
		}
		if t.class&(clExtremist|clRef) != 0 {
			fr.extremist = true
			fr.attackRef = true
		}
		if t.class&clExtremist != 0 {
			fr.approve = fr.approve || clauseHasFuture(fts)
		}
		// A noun after a verb of watching or reading is a title: « on a
		// regardé l'Attaque des Titans ».
		if c := ft.noun; c != actNone && fr.act == actNone && !(i > 0 && fts[i-1].lf&lfFiction != 0 || i > 1 && fts[i-2].lf&lfFiction != 0) && !bombPraise(fts, i) && !startingShot(fts, i) {
			fr.act, fr.actTok = c, ft.tok
		}
		if ft.fc&fc_fiction != 0 && !roomNotFiction(fts, i) || ft.lf&lfFiction != 0 && i+1 < len(fts) && (fts[i+1].cap || titleStart(fts[i+1])) ||
			k == "dans" && i == 0 && len(fts) > 1 && fts[1].cap && fts[1].fc&fc_school == 0 {
			fr.fictionCue = true // « dans le film », « on regarde John Wick », « Dans Hunger Games, »
		}
		// « fusil de chasse », « couteau de cuisine » name the weapon, not
		// a hunt or a kitchen.
		if k == "comme" || k == "genre" || k == "mieux" || k == "pire" {
			fr.compare = true
		}
		if ft.fc&fc_practice != 0 && !(i > 1 && (fts[i-1].key == "de" || fts[i-1].key == "d") && (fts[i-2].fc&fc_weapon != 0 || fts[i-2].noun != actNone)) {
			fr.practiceCue = true
		}
		if ft.fc&fc_attackerN != 0 || t.class&clExtremist != 0 {
			fr.attacker = true
		}
		// A victim named after an act is its object (« qui a décapité
		// Samuel Paty est un héros »), not the one praised.
		if ft.fc&fc_victim != 0 && !fr.approve && !fr.praisePred && !actSeen {
			sawVictim = true
		}
		actSeen = actSeen || ft.act != actNone || ft.noun != actNone
		if ft.fc&fc_outcomeP != 0 {
			harm = true
		}
		// A praise predicate: être, rester, devenir + (un, des, vrai…) +
		// a praise noun (« X est un exemple », « resteront des lions »).
		if ft.lf&lfCopula != 0 && !fr.praisePred {
			for j := i + 1; j < len(fts) && j <= i+4; j++ {
				if fts[j].fc&fc_praiseN != 0 {
					fr.praisePred, fr.praiseFirst = true, !fr.negated
					fr.victimFirst = sawVictim
					fr.praiseSubj = praiseSubject(fts[:i])
					break
				}
			}
		}
		// « fallait en écraser plus », « il en faudrait plus comme lui »:
		// the wish that an attack had killed more.
		if ft.lf&lfFalloir != 0 && !fr.praisePred && hasKeyIn(fts[i:], "plus") && (hasKeyIn(fts, "en") || hasKeyIn(fts[i:], "comme")) {
			fr.praisePred, fr.praiseFirst, fr.praiseSubj = true, true, true
			fr.victimFirst = sawVictim
		}
		if ft.fc&fc_praiseN != 0 && sawVictim {
			// « les victimes de X sont des martyrs », « Samuel Paty restera
			// un héros »: praise of victims; the lexicon's approval word
			// goes too.
			fr.victimFirst = true
			t.hyper = true
		}
	}
	// The verbs: find the main act verb and its auxiliary or modal.
	for i := range fts {
		ft := &fts[i]
		if ft.lf&lfVerb == 0 {
			continue
		}
		v, ok := hasVerb(ft.morph)
		if !ok || i > 0 && fts[i-1].fc&fc_det != 0 {
			continue // « un massacre », « ce morceau »: a noun
		}
		if i > 1 && fts[i-2].lf&lfFiction != 0 && (fts[i-1].key == "l" || fts[i-1].key == "le" || fts[i-1].key == "la") {
			continue // a title: « on a regardé l'Attaque des Titans »
		}
		c := ft.act
		if c != actNone {
			v = ft.morph[ft.actAt]
		} else if finishPerson(fts, i, v, subject) {
			c = actKill
		}
		if c == actNone {
			if ft.lf&lfReport != 0 && !fr.report {
				// A reporting verb in the past or the third person reports;
				// « je tenais à vous informer » does not; an infinitive
				// reports unless the speaker is its subject (« ils
				// continuent à dire que… », « vous pouvez écrire… »).
				if v.Moods&(MoodPastParticiple|MoodImperfect|MoodSimplePast) != 0 || personActor(v.Persons) == actor3 && subject != actor1 ||
					v.Moods&MoodInfinitive != 0 && subject != actor1 {
					fr.report = true
				}
			}
			continue
		}
		// Slang act verbs need a person as their object (some the school
		// too); no act verb takes a thing as its object: « je vais le tuer
		// ce contrôle », « on va défoncer ce DM ».
		if flx.slang[v.Lemma] && !personObject(fts, i, subject, flx.slangSch[v.Lemma]) && !(flx.slangSch[v.Lemma] && fr.school) &&
			!personNounObject(fts, i) {
			continue
		}
		// A dish the speaker will poison (« je vais empoisonner le repas
		// de jeudi ») is no hyperbole's object.
		if thingObject(fts, i) && !(v.Lemma == lemEmpoisonner && subject == actor1) {
			// A hyperbole: the lexicon's patterns on this verb are hidden
			// too, as a benign fixed phrase would hide them.
			toks[ft.tok].hyper = true
			continue
		}
		// The speaker as the one who explodes, burns or dies (« je vais
		// exploser », « je brûle de fièvre »), and a lab, kitchen or
		// hunting object (« brûler du magnésium », « tirer sur les
		// cibles »): no act, and the lexicon's patterns over the verb go.
		if experiencer(fts, i, v, &fr) || (c == actBurn || c == actExplode || c == actShoot || c == actKill || c == actBehead) && labObject(fts, i) ||
			c == actBurn && burnProduct(fts, i) {
			toks[ft.tok].hyper = true
			continue
		}
		// Ambiguous act verbs need their object: planter te/vous, sauter
		// and péter with faire or a school word, poser/placer a weapon.
		switch v.Lemma {
		case lemPlanter:
			if !fr.target2 && !personObject(fts, i, subject, false) && !personNounObject(fts, i) {
				continue
			}
		case lemDescendre:
			if movedTo(fts, i) && !fr.weapon {
				continue
			}
		case lemSauter, lemPeter:
			// « te péter les chevilles »: péter a part of the reader's body.
			if !prevIs(fts, i, lemFaire) && !fr.school && !fr.weapon && !(fr.time && prevIs(fts, i, lemAller)) &&
				!(v.Lemma == lemPeter && hasObjectPronoun(fts, i) && hasBodyPart(fts, i)) {
				continue
			}
		case lemTirer:
			if !hasNext(fts, i, "sur") && !hasNext(fts, i, "desus") && !hasNext(fts, i, "balle") && !fr.weapon {
				continue
			}
		case lemExecuter, lemNoyer, lemPendre, lemCasser, lemBriser, lemTrancher, lemEclater:
			// A human object: a pronoun, a group, a name, la gorge, le cou.
			// or a passive whose subject is the victim (« devraient être pendus »).
			if !fr.target2 && !fr.targetGrp && !fr.targetName && !hasObjectPronoun(fts, i) && !hasBodyPart(fts, i) && !prevIs(fts, i, lemEtre) {
				continue
			}
			// « je vais tout casser à l'audition », « on va tout éclater
			// au match »: doing brilliantly, with no one as the object.
			if (v.Lemma == lemCasser || v.Lemma == lemEclater) && i > 0 && fts[i-1].key == "tout" && !hasObjectPronoun(fts, i) && !hasBodyPart(fts, i) {
				continue
			}
		case lemSouffrir:
			if !prevIs(fts, i, lemFaire) && !fr.wish && !fr.target2 {
				continue
			}
		case lemMourir:
			// « tu vas mourir », « ils doivent mourir »; not the speaker's
			// own death nor « mort de rire ».
			if subject == actor1 || !(fr.target2 || fr.targetGrp || fr.wish || subject == actor2) {
				continue
			}
		}
		if c == actPlant && !fr.weapon {
			continue
		}
		// A place or a thing that « s'embrase » or « s'enflamme » burns:
		// the reflexive of a fire is no one hurting himself.
		if i > 0 && (fts[i-1].key == "me" || fts[i-1].key == "m" || (fts[i-1].key == "se" || fts[i-1].key == "s") && c != actBurn) {
			continue // the speaker or the subject is the one hurt: « on s'est défoncé », « m'attaque »
		}
		tn, actor := verbFrame(fts, i, v, subject)
		if c == actArm && (!(actor == actor1 && tn == tensePresent) || armedWithNoWeapon(src, toks, fts[i].tok)) {
			continue // armed: only « je suis armé », « on est armés »; not « armé de patience »
		}
		fr.act, fr.actTok = c, ft.tok
		fr.tense, fr.actor = tn, actor
		break
	}
	// A verb vetoed as a hyperbole on a thing is not an act by its noun
	// reading either (« on a massacré le contrôle »).
	if fr.act != actNone && fr.tense == tenseNone && fr.actTok >= 0 && toks[fr.actTok].hyper {
		fr.act, fr.actTok = actNone, -1
	}
	if framing != 0 || fr.actTok >= 0 {
		framingFlags(toks, fts, &fr, framing)
	}
	// Presence: « je suis dans le lycée », « on est devant le collège ».
	if fr.act == actNone {
		for i := range fts {
			ft := &fts[i]
			if ft.lf&lfEtre == 0 || i+1 >= len(fts) || fts[i+1].fc&fc_placePrep == 0 {
				continue
			}
			if v, ok := lemmaIs(ft.morph, lemEtre); ok {
				if subject == actor1 || personActor(v.Persons) == actor1 {
					fr.presence = true
				}
			}
		}
	}
	if fr.act == actNone && harm {
		readHarm(fts, &fr, subject)
	}
	if fr.act == actNone && cues&cueIdiom != 0 {
		readIdiomAct(fts, &fr, subject)
	}
	if fr.act == actNone && !fr.negated && cues&cueBody != 0 {
		readBodyHarm(fts, &fr, subject)
	}
	if fr.act == actNone && !fr.negated && cues&cueFight != 0 {
		readChallenge(fts, &fr, subject)
	}
	if !fr.negated && cues&cueKin != 0 {
		readNear(fts, &fr, subject)
	}
	if fr.act == actNone && cues&cueRuin != 0 {
		readRuin(fts, &fr, subject)
	}
	if fr.act == actNone && !fr.negated && cues&cueDevice != 0 {
		readDevice(fts, &fr, subject)
	}
	if !fr.negated && cues&cueAdmire != 0 {
		readAdmire(fts, &fr, subject)
	}
	readPupil(fts, &fr, subject)
	// « le vieux gymnase sera démoli pendant les travaux »: a building's
	// end in works said of the school is no threat.
	if cues&cueWorks != 0 && fr.school && (fr.act == actAttack || fr.act == actHarm || fr.act == actExplode) && fr.actor != actor1 && fr.actor != actor2 && worksIn(fts) {
		fr.act, fr.actTok = actNone, -1
	}
	// « arrêtez de vous battre », « évite de le frapper »: the act is
	// stopped, as if negated.
	if fr.act != actNone && !fr.negated {
		for i := 0; i+1 < len(fts) && fts[i].tok < fr.actTok; i++ {
			if fts[i].lf&lfStop != 0 && (fts[i+1].key == "de" || fts[i+1].key == "d") {
				fr.negated = true
			}
		}
	}
	// An act named by a noun (« l'attentat ») is the speaker's only with a
	// verb of doing or having: « je ferai un attentat », « j'ai une bombe ».
	if fr.act != actNone && fr.actor == actorNone && fr.tense == tenseNone {
		for i := range fts {
			ft := &fts[i]
			if ft.lf&lfDoing != 0 {
				for _, m := range ft.morph {
					if m.POS == POSVerb && flx.doing[m.Lemma] {
						fr.tense, fr.actor = verbFrame(fts, i, m, subject)
						break
					}
				}
			}
		}
	}
	// Incitation: il faut / faut + infinitive, qui vote pour, imperative
	// plural of an act aimed at a group.
	for i := range fts {
		ft := &fts[i]
		if ft.lf&lfFalloir != 0 && fr.act != actNone {
			fr.incite = true
		}
		if ft.key == lemVote && i+1 < len(fts) && fts[i+1].key == "pour" {
			fr.incite = true
		}
		// « qui est chaud / partant / motivé pour » + an act: a call to
		// join in.
		if ft.key == "pour" && fr.act != actNone && i >= 2 && fts[i-2].key == "est" && volunteerWords[fts[i-1].key] {
			fr.incite = true
		}
	}
	if fr.tense == tenseImperative && fr.act != actNone && (fr.targetGrp || fr.targetName || fr.faith) {
		fr.incite = true
	}
	if fr.act != actNone && fr.tense == tenseIntent && fr.actor != actor1 {
		fr.wish = true // « on devrait les abattre », « ils méritent de souffrir »
	}
	if fr.act != actNone && (fr.tense == tenseImperative || fr.tense == tenseIntent) && hasKeyBefore(fts, "qu") {
		fr.wish = true // « qu'on les exécute »
	}
	if fr.act != actNone && fr.actor == actor3 && (fr.tense == tensePast) {
		fr.report = true
	}
	if fr.report && fr.act != actNone && !fr.negated && directive(fts, fr.actTok) {
		fr.report, fr.incite = false, true
	}
	if fr.act != actNone && fr.actor != actor1 && fr.actor != actor2 && !fr.target2 && afterEvent(fts) {
		fr.report = true
	}
	return fr
}

// directiveVerbs are the verbs by which the speaker has others act:
// « j'ai dit à mes potes de te frapper » orders the act, it reports none.
var directiveVerbs = keySet("dire demander ordonner")

// directive reports whether the act at token actTok is the infinitive
// after de of a directive verb whose subject is the speaker: « j'ai dit à
// mes potes de te frapper », « on a demandé à son frère de l'attendre ».
func directive(fts []ftok, actTok int) bool {
	at := -1
	for j := range fts {
		if fts[j].tok == actTok {
			at = j
			break
		}
	}
	if at < 2 || fts[at].act == actNone || !hasMood(fts[at].morph, MoodInfinitive) {
		return false
	}
	// de, then only object clitics, before the act: « de te », « de lui ».
	d := at - 1
	for d > 0 && fts[d].fc&fc_clitic != 0 {
		d--
	}
	if fts[d].key != "de" && fts[d].key != "d" {
		return false
	}
	for j := d - 1; j >= 0; j-- {
		v, ok := hasVerb(fts[j].morph)
		if !ok || !directiveVerbs[v.Lemma] {
			continue
		}
		s := lastSubject(fts, j)
		return s >= 0 && fts[s].subj == actor1
	}
	return false
}

func hasMood(ms []MorphEntry, m Mood) bool {
	for _, e := range ms {
		if e.POS == POSVerb && e.Moods&m != 0 {
			return true
		}
	}
	return false
}

// afterEvent reports whether a clause opens on « à la suite de », « suite
// à » or « après » and a noun: what it names has already happened (« à la
// suite de l'intrusion d'un individu armé dans un lycée voisin »).
func afterEvent(fts []ftok) bool {
	n := 0
	switch {
	case len(fts) > 3 && fts[0].key == "a" && fts[1].key == "la" && fts[2].key == "suite" && (fts[3].key == "de" || fts[3].key == "d" || fts[3].key == "du" || fts[3].key == "des"):
		n = 4
	case len(fts) > 2 && fts[0].key == "suite" && (fts[1].key == "a" || fts[1].key == "au" || fts[1].key == "aux"):
		n = 2
	case len(fts) > 2 && fts[0].key == "apres" && fts[1].fc&fc_det != 0:
		n = 2
	default:
		return false
	}
	return n < len(fts) && fts[n].lf&lfVerb == 0 || n < len(fts) && fts[n].fc&fc_det != 0
}

// runOnPrep are the words after which a subject pronoun is a stressed
// pronoun or part of the clause (« pour elle », « et on »), not a new
// clause.
var runOnPrep = map[string]bool{"pour": true, "avec": true, "sans": true, "de": true, "d": true, "a": true, "contre": true,
	"sur": true, "par": true, "entre": true, "et": true, "ou": true, "mais": true, "comme": true, "que": true, "qu": true}

// whenCours are the words before « cours » that make it a time.
var whenCours = map[string]bool{"apres": true, "avant": true, "fin": true, "sortie": true}

// personObject reports whether the verb at fts[i] has a person as its
// object: a clitic just before it (te, vous, lui, leur; le, la, les too
// when loose, that is for the verbs whose object is rarely a thing) that
// is not reflexive, or a capitalised name just after it.
func personObject(fts []ftok, i int, subject uint8, loose bool) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		k := fts[j].key
		switch k {
		case "te", "t":
			return subject != actor2 // « tu vas t'allumer une clope »: reflexive
		case "vous":
			return j > 0 && fts[j-1].subj != actorNone || subject == actor1 // « je vais tous vous fumer »
		case "lui", "leur":
			return true
		case "le", "la", "l", "les":
			return loose
		}
		if fts[j].fc&(fc_neg|fc_skip) == 0 {
			break
		}
	}
	return i+1 < len(fts) && fts[i+1].cap
}

// thingObject reports whether the object of the verb at fts[i] is a thing
// a pupil exaggerates about (thingWords): the noun phrase after it, or
// the one a pronoun before it stands for (« je vais le tuer ce contrôle »).
// A clitic te or vous keeps the person as the object.
func thingObject(fts []ftok, i int) bool {
	if j := i - 1; j >= 0 && (fts[j].key == "te" || fts[j].key == "t" || fts[j].key == "vous") {
		return false
	}
	if dislocatedThing(fts, i) {
		return true
	}
	for j := i + 1; j < len(fts) && j <= i+3; j++ {
		k := fts[j].key
		// « au », « aux » say where or when (« les tuer au contrôle »),
		// not what.
		if k == "au" || k == "aux" {
			return false
		}
		if fts[j].fc&fc_thing != 0 {
			p := fts[j-1].key
			return j > i+1 && (fts[j-1].fc&fc_det != 0 || p == "le" || p == "la" || p == "les" || p == "l")
		}
		if fts[j].fc&(fc_det|fc_skip) != 0 || k == "le" || k == "la" || k == "les" || k == "l" {
			continue
		}
		return false
	}
	return false
}

// finishPerson reports whether the verb at fts[i] finishes off the reader:
// finir or achever right after te, or vous when the speaker acts, with no
// object after it (« quand je reviens je te finis »; not « je te finis
// ton dessin », nor « vous finissez tard »).
func finishPerson(fts []ftok, i int, v MorphEntry, subject uint8) bool {
	if v.Lemma != lemFinir && v.Lemma != lemAchever || i < 1 {
		return false
	}
	switch fts[i-1].key {
	case "te", "t":
	case "vous": // an object only after the speaker: not « vous finissez tard »
		if subject != actor1 {
			return false
		}
	default:
		return false
	}
	if i+1 == len(fts) {
		return true
	}
	switch k := fts[i+1].key; k {
	case "ca", "cela", "tout", "le", "la", "les", "l":
		return false
	}
	return fts[i+1].fc&fc_det == 0
}

// dislocatedThing reports whether a pronoun object of the verb at fts[i]
// stands for a thing named ahead of the clause's subject: « ce DM de
// maths, je vais le tuer », « le contrôle de demain on va le défoncer ».
func dislocatedThing(fts []ftok, i int) bool {
	if i < 1 {
		return false
	}
	switch fts[i-1].key {
	case "le", "la", "l", "les":
	default:
		return false
	}
	for j := 1; j < i-1; j++ {
		if fts[j].subj != actorNone {
			return false // the subject comes before any thing
		}
		if p := fts[j-1].key; fts[j].fc&fc_thing != 0 && (fts[j-1].fc&fc_det != 0 || p == "le" || p == "la" || p == "les" || p == "l") {
			for k := j + 1; k < i-1; k++ {
				if fts[k].subj != actorNone {
					return true
				}
			}
			return false
		}
	}
	return false
}

// praiseSubjects are the pronouns that can stand for an attacker named in
// another clause (« celui qui a tiré, c'est un soldat »).
var praiseSubjects = map[string]bool{"il": true, "ils": true, "elle": true, "elles": true, "c": true, "ce": true, "ca": true,
	"qui": true, "celui": true, "ceux": true, "eux": true, "lui": true,
	// The attacker's acts (« ses actes sont une inspiration »).
	"actes": true, "acte": true, "geste": true, "gestes": true}

// praiseSubject reports whether the words before a copula are a subject
// praise can be about: an attacker or an extremist word, or a pronoun
// standing for one; « mon père est un modèle » is not.
func praiseSubject(before []ftok) bool {
	if len(before) > 0 && before[0].key == "qui" {
		return true // « ceux | qui défendent … sont des héros »
	}
	for j := len(before) - 1; j >= 0; j-- {
		if before[j].fc&fc_attackerN != 0 || lx.info(before[j].key).class&clExtremist != 0 {
			return true
		}
	}
	for j := len(before) - 1; j >= 0; j-- {
		k := before[j].key
		if before[j].fc&(fc_neg|fc_skip) != 0 || k == "ne" || k == "n" {
			continue
		}
		return praiseSubjects[k]
	}
	return false
}

// intransitive are the act verbs whose subject can be the one who
// suffers them: « je vais exploser », « je brûle de fièvre », « je crève
// de chaud ».
const intransitive = "exploser sauter péter brûler cramer flamber crever mourir"

// experiencer reports whether the act verb at fts[i] has the speaker
// (je) as the one who explodes, burns or dies, with no object: nothing
// before it (te, le, les, tout, faire) and after it nothing, a state
// (« de rire », « de colère », « en larmes ») or an adverb. A place, the
// school or a weapon in the clause keeps the act, except after a state.
func experiencer(fts []ftok, i int, v MorphEntry, fr *frame) bool {
	if !flx.intrans[v.Lemma] || prevIs(fts, i, lemFaire) {
		return false
	}
	subj := ""
	for j := i - 1; j >= 0; j-- {
		k := fts[j].key
		switch k {
		case "te", "t", "le", "la", "les", "l", "lui", "leur", "tout", "tous", "toutes":
			if subj == "" {
				return false // an object before the verb
			}
		case "vous", "nous":
			if subj == "" && j > 0 && fts[j-1].subj != actorNone {
				return false
			}
		}
		if fts[j].subj != actorNone && subj == "" {
			subj = k
		}
	}
	if subj != "je" && subj != "j" && subj != "moi" {
		return false
	}
	if i+1 == len(fts) {
		return !fr.school && !fr.weapon && !fr.target2
	}
	n := fts[i+1]
	switch {
	case (n.key == "de" || n.key == "d") && i+2 < len(fts) && fts[i+2].fc&fc_det == 0 && fts[i+2].fc&fc_clitic == 0:
		return !fr.weapon // a state: « de rire », « de chaud », « d'impatience »
	case n.key == "avec" && i+2 < len(fts) && fts[i+2].fc&fc_group != 0 && !(i+3 < len(fts) && fts[i+3].fc&fc_det != 0):
		return false // « exploser avec tous les profs »; not « avec tous ces devoirs »
	case n.key == "la" && !laAdverb(fts, i+1):
		return false // an article: « brûler la maison de Kevin »
	case n.key == "en" || n.fc&fc_skip != 0 || n.fc&fc_neg != 0 || n.fc&fc_laugh != 0 || afterState[n.key]:
		return !fr.school && !fr.weapon && !fr.target2
	}
	return false
}

// armedWithNoWeapon reports whether « armé » at toks[t] takes « de » and
// a noun that is no weapon: « armé de patience », « armée d'un sourire »,
// « armé… de courage » (the pause is a joke's, so the words after the
// clause are read), not « armé d'un couteau ».
func armedWithNoWeapon(src string, toks []dtok, t int) bool {
	j := t + 1
	if j >= len(toks) || toks[j].key != "de" && toks[j].key != "d" {
		return false
	}
	if gap := src[toks[t].end:toks[j].start]; toks[j].flags&tSentence != 0 && !strings.Contains(gap, "..") && !strings.Contains(gap, "…") {
		return false // « je suis armé. De toute façon… » is two sentences
	}
	for j++; j < len(toks) && toks[j].info != nil && toks[j].info.frame&(fc_det|fc_skip) != 0; j++ {
	}
	if j >= len(toks) || toks[j].info == nil {
		return false
	}
	return toks[j].info.frame&fc_weapon == 0 && toks[j].info.noun == actNone
}

// laAdverb reports whether « la » at fts[j] is « là » with its accent
// folded (« je vais exploser là »): it ends the clause or comes before a
// laugh, a negation or a filler, where an article would have its noun.
func laAdverb(fts []ftok, j int) bool {
	if j+1 == len(fts) {
		return true
	}
	n := fts[j+1]
	return n.fc&(fc_skip|fc_neg|fc_laugh) != 0 || afterState[n.key] && n.key != "la"
}

// afterState are the words that may follow a verb said of the speaker's
// state (« je vais exploser avec tous ces devoirs », « avant les
// vacances »), when no place, weapon or target is in the clause.
var afterState = map[string]bool{"avec": true, "avant": true, "apres": true, "pendant": true, "cette": true, "cete": true, "ce": true,
	"tellement": true, "grave": true, "comme": true, "ou": true, "la": true, "ici": true, "direct": true, "litteralement": true,
	"serieux": true, "srx": true, "wsh": true, "wesh": true, "frere": true, "frr": true, "tkt": true}

// labObject reports whether the object of the act verb at fts[i] is a
// substance, a dish, game or a target (substanceWords): « brûler du
// magnésium », « faire exploser une bulle de dihydrogène », « abattre un
// sanglier », « tirer sur les cibles ». A clitic te or vous keeps the
// person as the object.
func labObject(fts []ftok, i int) bool {
	if j := i - 1; j >= 0 && (fts[j].key == "te" || fts[j].key == "t" || fts[j].key == "vous") {
		return false
	}
	for j := i + 1; j < len(fts) && j <= i+5; j++ {
		k := fts[j].key
		if fts[j].fc&fc_substance != 0 {
			return true
		}
		if fts[j].fc&(fc_det|fc_skip) != 0 || labSkip[k] || isNumber(k) {
			continue
		}
		return false
	}
	return false
}

// titleStart reports whether a word after regarder or lire starts a
// title rather than an object (« on a regardé star wars »): not a
// determiner, pronoun, preposition or adverb.
func titleStart(n ftok) bool {
	if n.fc&(fc_det|fc_clitic|fc_skip|fc_placePrep|fc_neg|fc_group) != 0 || n.subj != actorNone {
		return false
	}
	_, verb := hasVerb(n.morph)
	return !verb
}

// labSkip are the words between a lab or hunting verb and its object.
var labSkip = map[string]bool{"sur": true, "de": true, "d": true, "le": true, "la": true, "les": true, "l": true, "morceau": true,
	"bout": true, "petit": true, "petite": true, "petits": true, "gros": true, "grosse": true, "quelques": true, "peu": true,
	"deux": true, "trois": true, "quatre": true, "cinq": true, "six": true, "dix": true, "plusieurs": true}

// readHarm reads a threat that names its outcome and no act (actHarm):
// « tu vas le regretter »; a negated survival, « tu vas pas rentrer
// entier », « personne ne sortira vivant »; a negated existence, « le
// bâtiment n'existera plus ». The negation is then the harm, not a denial.
func readHarm(fts []ftok, fr *frame, subject uint8) {
	for i, ft := range fts {
		switch {
		case ft.lf&lfHarm != 0:
			v, ok := hasVerb(ft.morph)
			if !ok {
				continue
			}
			if flx.existV[v.Lemma] {
				// « n'existera plus »; « il ne restera rien du collège »
				// (rester needs rien: « il ne restera plus de place »).
				if !fr.negated || !(v.Lemma == lemExister && hasKeyIn(fts, "plus") || hasKeyIn(fts, "rien")) {
					continue
				}
				fr.negated = false
			}
			// « tu vas pas le regretter » stays a negated harm.
			tn, actor := verbFrame(fts, i, v, subject)
			if !harmIdiom(fts, i, v.Lemma, actor) {
				continue
			}
			fr.act, fr.actTok, fr.tense, fr.actor = actHarm, ft.tok, tn, actor
			return
		case ft.fc&fc_outcomeP != 0 && !fr.negated:
			// « tu vas finir à l'hôpital », « tu repars sur une civière »,
			// « vous allez tous finir au cimetière ».
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if fts[j].lf&lfOutcome == 0 {
					continue
				}
				for _, m := range fts[j].morph {
					if m.POS == POSVerb && flx.outcomeV[m.Lemma] {
						tn, actor := verbFrame(fts, j, m, subject)
						fr.act, fr.actTok, fr.tense, fr.actor, fr.outcome = actHarm, ft.tok, tn, actor, true
						return
					}
				}
			}
		case ft.fc&fc_survival != 0 && fr.negated:
			for j := i - 1; j >= 0 && j >= i-2; j-- {
				for _, m := range fts[j].morph {
					if m.POS == POSVerb && flx.survivalV[m.Lemma] {
						tn, actor := verbFrame(fts, j, m, subject)
						fr.negated = false
						fr.act, fr.actTok, fr.tense, fr.actor = actHarm, ft.tok, tn, actor
						return
					}
				}
			}
		}
	}
}

// Message cues for the sixth round's readers (parseFrames).
const (
	cueBody uint8 = 1 << iota
	cueKin
	cueFight
	cueRuin   // a word of ruin or death, or a verb of ruin (frames7.go)
	cueDevice // a device or parcel noun
	cueAdmire // daring, emulation or joining words
	cueWorks  // building works (travaux, chantier, démolition…)
	cueIdiom  // feu or a shot noun: readIdiomAct's words
)

// readBodyHarm reads a harm done to a part of the reader's or someone's
// body, whatever the verb: « on va te coudre la bouche », « jvais lui
// ouvrir le crâne », « je te fais manger tes dents ». The verb stands
// just before the part of the body (with its determiner), an indirect
// object (te, vous, lui, leur) before the verb or its auxiliary, and the
// speaker acts, not in the past. Verbs of care (laver, tenir, masser…)
// and être, avoir are no harm.
func readBodyHarm(fts []ftok, fr *frame, subject uint8) {
	for b := range fts {
		if fts[b].fc&fc_body == 0 || b < 2 {
			continue
		}
		i := b - 1
		if fts[i].fc&fc_det != 0 || fts[i].key == "le" || fts[i].key == "la" || fts[i].key == "les" || fts[i].key == "l" {
			i--
		}
		if i < 1 || fts[i].lf&lfVerb == 0 || fts[i].lf&(lfCare|lfEtre) != 0 {
			continue
		}
		v, ok := hasVerb(fts[i].morph)
		if !ok || v.Lemma == lemAvoir {
			continue
		}
		dative := false
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			switch fts[j].key {
			case "te", "t", "vous", "lui", "leur":
				dative = true
			}
		}
		if !dative {
			continue
		}
		tn, actor := verbFrame(fts, i, v, subject)
		if actor != actor1 || tn == tensePast || tn == tensePassive || tn == tenseNone {
			continue
		}
		fr.act, fr.actTok, fr.tense, fr.actor, fr.body = actHarm, fts[i].tok, tn, actor, true
		return
	}
}

// readChallenge reads a call to fight: a reciprocal fight verb whose
// subject is the speaker or the reader (« on se bat à la sortie », « tu
// veux te battre ? »), not for a cause (« se battre pour ses droits »), or
// « 1v1 » / « en face » with a verb of coming or meeting (« viens en face
// si t'es un homme »). A game in the clause makes it play (framed).
func readChallenge(fts []ftok, fr *frame, subject uint8) {
	// « comment réagir si on se bat », « quand on se bat »: a case, not a
	// call.
	switch fts[0].key {
	case "si", "quand", "lorsque", "lorsqu", "comment", "pourquoi":
		return
	}
	for i, ft := range fts {
		var v MorphEntry
		switch {
		case ft.lf&lfFight != 0 || ft.key == "fight":
			if i == 0 {
				continue
			}
			switch fts[i-1].key {
			case "se", "s", "nous", "vous", "te", "t":
			default:
				continue
			}
			if j := i + 1; j < len(fts) && (fts[j].key == "pour" || fts[j].key == "contre" && !(j+1 < len(fts) && (fts[j+1].key == "toi" || fts[j+1].key == "vous" || fts[j+1].key == "lui" || fts[j+1].key == "eux"))) {
				continue
			}
			m, ok := hasVerb(ft.morph)
			if !ok {
				m = MorphEntry{POS: POSVerb, Lemma: ft.key, Moods: MoodInfinitive}
			}
			v = m
		case (ft.key == "1v1" || ft.key == "1vs1" || ft.key == "face" && i > 0 && fts[i-1].key == "en" && (i+1 == len(fts) || fts[i+1].key != "de" && fts[i+1].key != "d" && fts[i+1].key != "du" && fts[i+1].key != "des")) && !fr.play:
			// « 1v1 » is first a gamer's word: with a game or sport named
			// in the clause it is one.
			// The verb of coming or meeting of the clause.
			found := false
			for j := range fts {
				if fts[j].lf&lfNear == 0 && fts[j].lf&lfFight == 0 {
					continue
				}
				if m, ok := hasVerb(fts[j].morph); ok {
					v, i, found = m, j, true
					break
				}
			}
			if !found {
				continue
			}
			// With no subject pronoun before it, the verb is an order:
			// « viens en face », and « amine vient 1v1 » (pupils spell
			// « viens » so); « ce soir » is no subject.
			bare := true
			for j := 0; j < i; j++ {
				if fts[j].subj != actorNone {
					bare = false
				}
			}
			if bare && (v.Moods&MoodImperative != 0 || v.Persons&Person3Sg != 0) {
				fr.act, fr.actTok, fr.tense, fr.actor, fr.challenge = actHarm, fts[i].tok, tenseImperative, actor2, true
				return
			}
		default:
			continue
		}
		tn, actor := verbFrame(fts, i, v, subject)
		if tn == tensePast || tn == tensePassive || actor == actor3 {
			continue
		}
		fr.act, fr.actTok, fr.tense, fr.actor, fr.challenge = actHarm, fts[i].tok, tn, actor, true
		return
	}
}

// readNear reads, for the intimidation frame, whether the speaker comes,
// waits, looks for or knows (not in the past) and whether the reader's
// kin or home is named (« ta petite sœur », « chez toi »).
func readNear(fts []ftok, fr *frame, subject uint8) {
	for i, ft := range fts {
		switch {
		case ft.key == "chez" && i+1 < len(fts):
			switch fts[i+1].key {
			case "toi", "vous", "ta", "ton", "tes", "t":
				fr.kin = true
			}
		case ft.fc&fc_kin != 0 && i > 0:
			p := fts[i-1].key
			if (p == "petite" || p == "petit" || p == "grande" || p == "grand") && i > 1 {
				p = fts[i-2].key
			}
			switch p {
			case "ta", "ton", "tes", "votre", "vos":
				fr.kin = true
			}
		}
		if ft.lf&lfNear != 0 && !fr.nearVerb {
			for _, m := range ft.morph {
				if m.POS != POSVerb || !flx.nearV[m.Lemma] {
					continue
				}
				tn, actor := verbFrame(fts, i, m, subject)
				if actor == actor1 && tn != tensePast && tn != tensePassive && tn != tenseConditional {
					fr.nearVerb = true
				}
				break
			}
		}
	}
}

// harmIdiom reports whether the harm verb at i is said in its threat's
// idiom. payer: someone other than the writer pays (« je vais le payer »
// is a parent paying), cher or « de ta vie » just after it or « me le »
// just before (« vous allez le payer cher », « tu vas me le payer »; « tu
// vas le payer ? » may be a book), and no word of money (« tu le payes
// combien ? »). rayer: « de la carte ». Other harm verbs need none.
func harmIdiom(fts []ftok, i int, lemma string, actor uint8) bool {
	switch lemma {
	case "payer":
		if actor == actor1 {
			return false
		}
		for _, ft := range fts {
			if flx.money[ft.key] {
				return false
			}
		}
		for j := i + 1; j < len(fts) && j <= i+3; j++ {
			if fts[j].key == "cher" || fts[j].key == "vie" {
				return true
			}
		}
		return i > 1 && (fts[i-1].key == "le" || fts[i-1].key == "l") && (fts[i-2].key == "me" || fts[i-2].key == "nous")
	case "rayer":
		return hasKeyIn(fts, "carte")
	}
	return true
}

func hasKeyIn(fts []ftok, key string) bool {
	for _, ft := range fts {
		if ft.key == key {
			return true
		}
	}
	return false
}

func hasKeyBefore(fts []ftok, key string) bool {
	return len(fts) > 0 && fts[0].key == key
}

func isFinite(ms []MorphEntry) bool {
	for _, m := range ms {
		if m.POS == POSVerb && m.Moods&(MoodPresent|MoodFuture|MoodImperfect|MoodConditional|MoodSimplePast) != 0 {
			return true
		}
	}
	return false
}

func clauseHasFuture(fts []ftok) bool {
	for _, ft := range fts {
		if v, ok := hasVerb(ft.morph); ok && v.Moods&MoodFuture != 0 {
			return true
		}
	}
	return false
}

// prevIs reports whether a verb of the given lemma key stands in the three
// words before fts[i].
func prevIs(fts []ftok, i int, lemma string) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if _, ok := lemmaIs(fts[j].morph, lemma); ok {
			return true
		}
	}
	return false
}

// hasObjectPronoun reports whether an object pronoun stands just before
// the verb (« les tuer », « on les exécute »).
func hasObjectPronoun(fts []ftok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch fts[j].key {
		case "les", "le", "la", "l", "lui", "leur", "te", "t", "vous":
			return true
		}
	}
	return false
}

// bodyParts are the parts of the body that make a person the object of
// casser, briser, péter, éclater… (« je te casse la bouche », « te péter
// les chevilles », « briser le cou »).
//
// A word list, not a map: keys are made in buildFrameLex, after the
// package's init has built the accent folding (a package-level keySet
// keyed « tête », « crâne », « mâchoire » and « côte » wrongly, so they
// never matched before the sixth round).
const bodyPartWords = "gorge cou gueule tête crâne nez bouche dents dent mâchoire figure visage tronche bras cheville chevilles genou genoux doigt doigts côte côtes dos nuque poignet poignets ventre yeux oeil œil colonne cervicales jambe jambes bide mâchoire crâne langue oreille oreilles lèvre lèvres main mains épaule épaules joue joues"

// hasBodyPart reports whether a part of the body follows fts[i] closely.
func hasBodyPart(fts []ftok, i int) bool {
	for j := i + 1; j < len(fts) && j <= i+3; j++ {
		if fts[j].fc&fc_body != 0 {
			return true
		}
	}
	return false
}

func hasNext(fts []ftok, i int, key string) bool {
	for j := i + 1; j < len(fts) && j <= i+3; j++ {
		if fts[j].key == key {
			return true
		}
	}
	return false
}

// nearestSubject returns the subject of the verb group ending at fts[i]:
// the subject pronoun nearest before it, or none when another word (a noun
// phrase: « les virus attaquent ») stands between, in which case the
// verb's own person decides.
func nearestSubject(fts []ftok, i int, clauseSubject uint8) uint8 {
	for j := i - 1; j >= 0; j-- {
		k := fts[j].key
		// « nous » or « vous » after a finite verb is its object: « la prof
		// va nous tuer ».
		object := (k == "nous" || k == "vous") && j > 0 && isFinite(fts[j-1].morph)
		if a := fts[j].subj; a != actorNone && !object && (k != "t" || j+1 < len(fts) && isFinite(fts[j+1].morph)) {
			return a
		}
		if object {
			continue
		}
		if fts[j].fc&(fc_clitic|fc_neg|fc_skip) != 0 {
			continue
		}
		if _, ok := hasVerb(fts[j].morph); ok {
			continue // the auxiliary or modal of the group
		}
		return actorNone
	}
	return clauseSubject
}

// determiners make the next word a noun (« un massacre »).
var determiners = map[string]bool{"un": true, "une": true, "des": true, "du": true, "ce": true, "cet": true, "cette": true,
	"ces": true, "mon": true, "ton": true, "son": true, "ma": true, "ta": true, "sa": true, "mes": true, "tes": true,
	"ses": true, "notre": true, "votre": true, "nos": true, "vos": true, "au": true, "aux": true}

// skipAdverb lists the words that stand between a modal or auxiliary and
// its verb (« devraient toutes être tuées », « on va tout exploser »).
var skipAdverb = map[string]bool{"tout": true, "tous": true, "toutes": true, "juste": true, "simplement": true,
	"trop": true, "tres": true, "encore": true, "toujours": true,
	"vraiment": true, "bien": true, "deja": true, "enfin": true, "de": true, "d": true, "vite": true, "aussi": true, "direct": true}

// verbFrame returns the tense and actor of the act verb at fts[i], looking
// back over clitics for an auxiliary, a modal or a subject.
func verbFrame(fts []ftok, i int, v MorphEntry, subject uint8) (tense, uint8) {
	subject = nearestSubject(fts, i, subject)
	// Look back for the verb that governs this one.
	j := i - 1
	for j >= 0 && (fts[j].fc&(fc_clitic|fc_neg|fc_skip) != 0 || fts[j].key == "faire") {
		if _, ok := lemmaIs(fts[j].morph, lemFaire); ok && fts[j].key != "faire" {
			break
		}
		j--
	}
	// « je vais te retrouver et te tabasser »: an infinitive coordinated
	// by « et » to an infinitive takes that one's governing verb.
	if j >= 1 && fts[j].key == "et" && v.Moods&MoodInfinitive != 0 {
		for _, m := range fts[j-1].morph {
			if m.POS == POSVerb && m.Moods&MoodInfinitive != 0 {
				return verbFrame(fts, j-1, m, subject)
			}
		}
	}
	if j >= 0 && j < i {
		g := fts[j]
		for _, gm := range g.morph {
			if gm.POS != POSVerb {
				continue
			}
			actor := personActor(gm.Persons)
			if subject != actorNone {
				actor = subject
			}
			switch gm.Lemma {
			case lemAller:
				// Pupils spell the infinitive by its sound (« je vais te
				// tuai / tuait / tuez / tué »): after aller in the present,
				// a first-group form that sounds like it is the infinitive.
				if v.Moods&MoodInfinitive != 0 || gm.Moods&MoodPresent != 0 && soundsInfinitive(fts[i].key, v.Lemma) {
					if gm.Moods&(MoodImperfect|MoodSimplePast) != 0 {
						return tensePast, actor // « il allait poser »: reported
					}
					return tenseFuture, actor
				}
			case lemVouloir, lemCompter, lemDevoir, lemPouvoir, lemPenser, lemRever, lemMeriter, lemAimer, lemSouhaiter, lemCommencer:
				if v.Moods&MoodInfinitive != 0 {
					if gm.Moods&(MoodImperfect|MoodSimplePast) != 0 && gm.Moods&(MoodPresent|MoodFuture|MoodConditional) == 0 && actor == actor3 {
						return tensePast, actor // « le suspect voulait attaquer »: told, not intended now
					}
					if gm.Lemma == lemDevoir && gm.Moods&MoodPresent != 0 && actor == actor3 {
						return tenseIntent, actorNone // « il doit mourir »: incitation-like
					}
					return tenseIntent, actor
				}
			case lemAvoir:
				if v.Moods&MoodPastParticiple != 0 || participleShape(fts[i].key, v.Lemma) {
					if gm.Moods&MoodFuture != 0 {
						return tenseFuture, actor
					}
					return tensePast, actor
				}
			case lemEtre:
				pp := v.Moods&MoodPastParticiple != 0 || participleShape(fts[i].key, v.Lemma)
				if pp && gm.Moods&MoodInfinitive != 0 {
					// « devraient être tués », « méritent d'être brûlés »
					return tenseIntent, actorNone
				}
				if pp {
					if gm.Moods&MoodFuture != 0 {
						return tenseFuture, actor
					}
					if gm.Moods&(MoodImperfect|MoodSimplePast) != 0 {
						return tensePast, actor
					}
					if actor == actor1 && v.Lemma == lemArmer {
						return tensePresent, actor // « je suis armé »: a state
					}
					return tensePassive, actor
				}
			case lemFaire:
				// « j'ai fait exploser »: faire's participle after avoir.
				if g.key == "fait" && j > 0 && prevIs(fts, j, lemAvoir) {
					return tensePast, actor
				}
				return moodTense(gm.Moods, subject != actorNone), actor
			}
		}
	}
	actor := personActor(v.Persons)
	if subject != actorNone {
		actor = subject
	}
	if v.Moods&MoodInfinitive != 0 && !isFinite(fts[i].morph) {
		return tenseInfinitive, subject
	}
	// A bare participle followed by a preposition of place, time or agent
	// is a passive in apposition, not an imperative nor a present:
	// « Dominique Bernard, tué à Arras », « un professeur tué en 2023 »,
	// « tués par balle », « tué le 16 octobre ». An imperative takes its
	// object or a clitic (« tue le prof »).
	if (v.Moods&MoodPastParticiple != 0 || participleShape(fts[i].key, v.Lemma)) && i+1 < len(fts) && (participleNext[fts[i+1].key] || fts[i+1].key == "le" && i+2 < len(fts) && isNumber(fts[i+2].key)) && subject == actorNone {
		return tensePassive, actor3
	}
	// An imperative opens its clause (« Tuez ceux qui », « ne tuez pas »).
	initial := true
	for j := 0; j < i; j++ {
		if k := fts[j].key; fts[j].fc&(fc_clitic|fc_neg|fc_skip) == 0 && k != "et" && k != "allez" {
			initial = false
			break
		}
	}
	return moodTense(v.Moods, subject != actorNone || !initial), actor
}

// participleNext lists the words after which a bare participle reads as a
// passive in apposition (« tué à Arras », « assassiné en 2023 », « tué par »,
// « tué lors de »).
var participleNext = map[string]bool{"a": true, "en": true, "par": true, "lors": true, "pendant": true, "durant": true,
	"dans": true, "il": true, "au": true, "aux": true, "sur": true, "devant": true, "pres": true}

// participleShape reports whether key has the shape of a past participle
// of a first-group verb (lemma in -er): accents are folded before the
// table is read, so « explosés » reaches it as « exploses », which the table
// knows only as a present form.
func participleShape(key, lemma string) bool {
	if len(lemma) < 3 || !strings.HasSuffix(lemma, "er") {
		return false
	}
	stem := lemma[:len(lemma)-2]
	if !strings.HasPrefix(key, stem) {
		return false
	}
	switch key[len(stem):] {
	case "e", "es", "ee", "ees":
		return true
	}
	return false
}

func moodTense(m Mood, hasSubject bool) tense {
	switch {
	case m&MoodImperative != 0 && !hasSubject:
		return tenseImperative
	case m&MoodFuture != 0:
		return tenseFuture
	case m&MoodConditional != 0:
		return tenseConditional
	case m&MoodPresent != 0:
		return tensePresent
	case m&MoodImperative != 0:
		// With a subject, an imperative form is the present it spells
		// (« tu finis »: the table knows « finis » as an imperative and a
		// participle only).
		return tensePresent
	case m&(MoodImperfect|MoodSimplePast|MoodPastParticiple) != 0:
		return tensePast
	case m&MoodInfinitive != 0:
		return tenseInfinitive
	}
	return tenseNone
}

// frameScores scores each detector from the clause frames: an agentive
// act in a clause that is not itself a report, quotation, drill, lesson or
// play holds the message (0.5), more with a place, a time, a target or a
// weapon, up to 0.84: frames alone hold, and reject only with the rules.
func frameScores(toks []dtok, frames []frame) [numDetectors]detectorScore {
	return frameScoresFrom(toks, frames, appendedFrom(toks, frames))
}

// frameScoresFrom is frameScores given appendedFrom(toks, frames).
func frameScoresFrom(toks []dtok, frames []frame, from int) [numDetectors]detectorScore {
	var out [numDetectors]detectorScore
	faith, extremist := false, false
	for i := range frames {
		faith = faith || frames[i].faith
		extremist = extremist || frames[i].extremist
	}
	for i := range frames {
		f := &frames[i]
		if !f.agentive() || f.framed() || f.told || f.actTok >= 0 && toks[f.actTok].neutral {
			continue // a benign fixed phrase: tuer le temps, bombe calorimétrique
		}
		// A game or sport in the clause next to it makes the object an
		// opponent (« tu viens au foot ? on va les défoncer »), unless the
		// act is aimed at the reader or the school, or armed.
		if (i > 0 && frames[i-1].play || i+1 < len(frames) && frames[i+1].play) && !(f.target2 || f.school || f.weapon || f.grave()) {
			continue
		}
		score := 0.5
		place, target := f.school || f.place, f.target2 || f.targetGrp || f.targetName
		if f.act == actHarm {
			// An outcome without an act (« tu vas le regretter ») holds
			// only with the school or a time; otherwise the model weighs it.
			score, place, target = 0.45, f.school, false
			switch {
			case f.outcome:
				score = 0.5 // a place of harm aimed at the reader: « tu vas finir à l'hôpital »
			case f.body:
				score = 0.5 // « je vais te coudre la bouche »
			case f.ruin:
				score = 0.5 // « la cour sera rouge de sang demain »
			case f.challenge:
				place = f.place // « on se bat à la sortie demain »: held with a place or a time
			}
		}
		var ctx []string
		for _, c := range []struct {
			on   bool
			w    float64
			name string
		}{
			{place, 0.1, "lieu"}, {f.time, 0.1, "moment"}, {target, 0.07, "cible"},
			{f.weapon, 0.07, "arme"}, {f.incite || f.wish, 0.05, "incitation"},
		} {
			if c.on {
				score += c.w
				ctx = append(ctx, c.name)
			}
		}
		score = math.Min(0.84, score)
		d := detViolence
		switch {
		case (f.incite || f.wish || f.tense == tenseImperative) && faith:
			d = detApology
		case f.act == actHarm && (!f.school || f.challenge || f.body):
		case f.school || f.weapon || f.place || f.act == actExplode || f.act == actShoot || f.targetGrp:
			d = detThreat
		}
		if score <= out[d].score {
			continue
		}
		desc := "acte « " + actNames[f.act] + " »"
		if f.actor != actorNone {
			desc += " à la " + actorNames[f.actor]
		}
		if f.tense != tenseNone {
			desc += " (" + tenseNames[f.tense] + ")"
		}
		if len(ctx) > 0 {
			desc += " + " + strings.Join(ctx, " + ")
		}
		out[d] = detectorScore{score: score, reason: fmt.Sprintf("%s: cadre %s (score %.2f)", detectorNames[d], desc, score)}
	}
	// Approval of an attack or its author, with an extremist reference;
	// a justification (« ils ont eu raison », « bien fait ») with an
	// attack, its author or its target named.
	// A lesson, report, drill, quotation or tribute named only in a short
	// sentence appended after the act frames nothing (frames24.go).
	attackRef, framedMsg, allusion := false, false, false
	for i := range frames {
		f := &frames[i]
		attackRef = attackRef || f.attackRef
		framedMsg = framedMsg || f.start < from && (f.lesson || f.report || f.drill || f.quoted || f.commem)
		allusion = allusion || (f.allusion || f.warn) && !f.negated
	}
	for i := range frames {
		f := &frames[i]
		if f.approve && extremist && (!f.negated || f.approveFirst) && !f.framed() && !f.rescuers && !f.victimFirst && out[detApology].score < 0.55 {
			out[detApology] = detectorScore{score: 0.55, reason: "terror_apology: cadre approbation + référence extrémiste (score 0.55)"}
		}
		// Praise of a past attack is told in the past: a report does not
		// excuse a justification (« ceux qui ont tiré ont eu raison »).
		if f.justify && attackRef && !f.negated && !(f.quoted || f.drill || f.lesson || f.playful()) && !f.rescuers && out[detApology].score < 0.55 {
			out[detApology] = detectorScore{score: 0.55, reason: "terror_apology: cadre justification + attaque nommée (score 0.55)"}
		}
	}
	// A death approved of someone of the school or with an attack, its
	// author or its target named: « c'est bien que le prof soit mort »,
	// « tant mieux qu'ils soient morts » after « Charlie ».
	for i := range frames {
		f := &frames[i]
		if f.deathGlad && (f.targetNoun || attackRef || f.attacker) && !(f.quoted || f.drill || f.lesson || f.playful() || f.fiction) && out[detApology].score < StrongRules {
			out[detApology] = detectorScore{score: StrongRules, reason: fmt.Sprintf("terror_apology: cadre mort approuvée (score %.2f)", StrongRules)}
		}
	}
	// Glorification by a praise predicate (« X est un exemple pour la
	// jeunesse », « les frères du Bataclan sont des modèles », « fallait
	// en écraser plus ») with an attacker, an extremist word or an attack
	// named; praise of victims or rescuers, and a lesson, drill, quotation
	// or tribute, are not.
	faithArmed, tribute, pastAttack := false, false, false
	for i := range frames {
		f := &frames[i]
		faithArmed = faithArmed || f.weapon || f.act != actNone && f.act != actHarm
		// « celui qui a attaqué la synagogue, c'est un soldat »: an
		// attack told in a relative clause names its author.
		pastAttack = pastAttack || f.act != actNone && f.act != actHarm && f.act != actArm && (f.tense == tensePast || f.tense == tensePassive) &&
			!f.negated && f.start < len(toks) && toks[f.start].key == "qui"
		tribute = tribute || f.start < from && (f.commem || f.lesson || f.drill || f.quoted)
	}
	faithArmed = faithArmed && faith
	// Admiration without a praise word (« ils ont eu le cran de », « je
	// ferai comme eux », « rejoignez-nous ») with an attacker, an attack
	// or an extremist word named, and no victim, rescuer, tribute, lesson
	// or fiction in the message. Told in the past, it is still praise
	// (« celui qui a attaqué … avait du cran »).
	admire := false
	for i := range frames {
		admire = admire || frames[i].admire
	}
	if admire {
		admire = !tribute && !admireExcused(toks, frames, from)
	}
	for i := range frames {
		f := &frames[i]
		if admire && f.admire && (extremist || attackRef || pastAttack || f.attacker) && !f.negated && !(f.quoted || f.drill || f.lesson || f.playful()) && out[detApology].score < 0.55 {
			out[detApology] = detectorScore{score: 0.55, reason: "terror_apology: cadre admiration + auteur, attaque ou référence extrémiste (score 0.55)"}
		}
	}
	for i := range frames {
		f := &frames[i]
		// A laugh does not excuse praise (« c'est un héros mdr »); a game does.
		if !f.praisePred || !f.praiseFirst || !f.praiseSubj || f.victimFirst || tribute || f.play || f.score || out[detApology].score >= 0.55 {
			continue
		}
		if f.attacker || attackRef || faithArmed || pastAttack {
			out[detApology] = detectorScore{score: 0.55, reason: "terror_apology: cadre éloge (prédicat) + auteur ou attaque nommés (score 0.55)"}
		}
	}
	// Intimidation by the reader's kin or home (« je sais où habite ta
	// sœur », « je passe chez toi ce soir ») with a threat's condition or
	// warning in the message (« sinon », « si tu parles », « réfléchis »):
	// violent, 0.5. Without one, the model weighs the frame.
	if out[detViolence].score < 0.5 && nearFrame(frames) && menaceIn(toks, frames) {
		out[detViolence] = detectorScore{score: 0.5, reason: "violence: cadre proches ou domicile du destinataire + menace (score 0.50)"}
	}
	// An allusion to a past attack, in a message that is no lesson, report
	// or drill: « ce sera comme à X », « retenez la date ».
	if allusion && attackRef && !framedMsg && out[detThreat].score < 0.55 {
		out[detThreat] = detectorScore{score: 0.55, reason: "threat: cadre allusion à une attaque passée (score 0.55)"}
	}
	pupilScores(toks, frames, &out)
	any := c15Scoped(toks, from)
	componentScores(toks, frames, any, from, &out)
	announceScores(toks, frames, any, from, &out)
	lifeConditionScores(toks, frames, from, &out)
	return out
}

// nearFrame reports whether a clause has the speaker coming, waiting,
// looking for or knowing, with the reader's kin or home named in it or
// the next clause (« on sait | où habite ta mère »), in a message that is
// not framed as a report, lesson or game.
func nearFrame(frames []frame) bool {
	for i := range frames {
		f := &frames[i]
		if !f.nearVerb || f.framed() {
			continue
		}
		if f.kin || i+1 < len(frames) && frames[i+1].kin && !frames[i+1].framed() {
			return true
		}
	}
	return false
}

// menaceIn reports whether the message sets a threat's condition or
// warning: « sinon », « si tu » + a verb other than vouloir, pouvoir,
// préférer, avoir (« si tu veux »), or a warning (réfléchis, méfie-toi,
// gaffe). « la prochaine fois », a warning for the allusion frame, is
// not one here: « mercredi prochain ».
func menaceIn(toks []dtok, frames []frame) bool {
	for i := range toks {
		if toks[i].info.lf&lfWarn != 0 {
			return true
		}
		switch toks[i].key {
		case "sinon", "gaffe", "avertissement":
			return true
		case "si":
			if i+2 < len(toks) && (toks[i+1].key == "tu" || toks[i+1].key == "t") {
				if v, ok := hasVerb(toks[i+2].info.morph); !ok || !flx.soft[v.Lemma] {
					return true
				}
			}
		}
	}
	return false
}

// soft are the verbs of « si tu veux », « si tu peux », « si tu as
// besoin »: an offer, not a threat's condition.
const softLemmas = "vouloir pouvoir préférer avoir être aimer savoir"

// stopLemmas, followed by de, stop the act after them: « arrêtez de vous
// battre », « évite de le frapper ».
const stopLemmas = "arrêter cesser éviter interdire empêcher"

func newFtok(key string, tok int, ki *keyInfo) ftok {
	return ftok{key: key, tok: tok, morph: ki.morph, fc: ki.frame, noun: ki.noun, subj: ki.subj, act: ki.act, actAt: ki.actAt, lf: ki.lf, cues: ki.cues, p8: ki.p8,
		g8: ki.g8 &^ gcRiddance} // keyInfo.g8 adds the riddance verbs to groupLex.cue
}

// keyCues returns the message cues (cue*) a key brings, from its frame
// classes, lemma classes and analyses: computed once per key (keyInfo)
// because parseFrames needs them for every token of every message.
func keyCues(key string, fc uint32, lf uint16, morph []MorphEntry) uint8 {
	var cues uint8
	rl := ruinLexicon()
	if fc&fc_body != 0 {
		cues |= cueBody
	}
	if fc&fc_kin != 0 || key == "chez" {
		cues |= cueKin
	}
	if lf&lfFight != 0 || key == "1v1" || key == "1vs1" || key == "face" || key == "fight" {
		cues |= cueFight
	}
	if rl.image[key] || lf&lfVerb != 0 && ruinVerb(morph, rl) {
		cues |= cueRuin
	}
	if rl.device[key] {
		cues |= cueDevice
	}
	if rl.works[key] {
		cues |= cueWorks
	}
	if key == "feu" || shotNouns[key] {
		cues |= cueIdiom
	}
	if rl.daring[key] || rl.same[key] || lf&lfVerb != 0 && admireVerb(morph, rl) {
		cues |= cueAdmire
	}
	return cues
}

// contraction returns the subject and verb a key contracts (jvais).
func (ki *keyInfo) contraction() ([2]string, bool) {
	if ki.contr == nil {
		return [2]string{}, false
	}
	return *ki.contr, true
}

// alwaysParseFrames turns off the needFrames shortcut (tests).
var alwaysParseFrames = false

// needFrames reports whether any clause of the message could have an act,
// an approval or a first-person presence: otherwise parsing the clauses
// would find nothing (every frame would be empty), and the caller skips
// it. Reporting verbs also count, so that the message-level features are
// the same either way (messageFlags).
func needFrames(toks []dtok) bool {
	var first, etre, prep, te, near, second, better, without bool
	var p8 uint8
	for i := range toks {
		ki := toks[i].info
		// « mieux sans … » (readBetterWithout)
		better = better || toks[i].key == "mieux"
		without = without || toks[i].key == "sans"
		if better && without {
			return true
		}
		if ki.act != actNone || ki.noun != actNone || ki.contr != nil || ki.lf&lfFight != 0 ||
			ki.frame&(fc_weapon|fc_approve|fc_wish|fc_survival|fc_pastAttack|fc_praiseN|fc_outcomeP) != 0 || ki.lf&(lfReport|lfFalloir|lfDoing|lfHarm|lfMemory) != 0 ||
			ki.class&clRef != 0 || ki.g8&gcNeedFrames != 0 {
			return true
		}
		first = first || ki.subj == actor1
		etre = etre || ki.lf&lfEtre != 0
		prep = prep || ki.frame&fc_placePrep != 0
		te = te || toks[i].key == "te" || toks[i].key == "t"
		near = near || ki.frame&(fc_body|fc_kin) != 0 || toks[i].key == "chez"
		p8 |= ki.p8
		second = second || ki.subj == actor2 || toks[i].key == "vous"
		if k := toks[i].key; k == "1v1" || k == "1vs1" || k == "face" || k == "fight" {
			return true
		}
	}
	// A first person and « te »: the frame aimed at the reader (addressed);
	// a part of the body, the reader's kin or a challenge (bodyHarm,
	// readNear, readChallenge).
	return first && (etre && prep || te) || near && (first || te) || pupilNeedFrames(p8, second)
}

// messageFlags returns the message-level frame flags read from the words
// alone, for a message whose clauses were not parsed (needFrames false):
// they equal what the clauses would have said.
func messageFlags(toks []dtok) (drill, lesson, report, play bool) {
	for i := range toks {
		ki := toks[i].info
		drill = drill || ki.frame&fc_drill != 0
		lesson = lesson || ki.frame&fc_lesson != 0 || ki.lf&lfLesson != 0
		report = report || ki.frame&fc_reportN != 0
		play = play || ki.frame&(fc_play|fc_laugh) != 0
	}
	return
}

// isScore reports whether the clause has a match score at i: two numbers
// joined directly (« 5-0 », « 31 12 ») or by « à » (« 3 à 1 »). A score
// makes the clause about a game: « on les a explosés 5-0 ».
func isScore(fts []ftok, i int) bool {
	if !isNumber(fts[i].key) || i+1 >= len(fts) {
		return false
	}
	if isNumber(fts[i+1].key) && fts[i+1].tok == fts[i].tok+1 {
		return true
	}
	return fts[i+1].key == "a" && i+2 < len(fts) && isNumber(fts[i+2].key)
}

func isNumber(k string) bool {
	if k == "" || len(k) > 3 {
		return false
	}
	for j := 0; j < len(k); j++ {
		if k[j] < '0' || k[j] > '9' {
			return false
		}
	}
	return true
}

// shotNouns name what a shot leaves in its target: with a wish in the
// clause (« ils méritent une balle », « il faudrait une rafale »), a wish
// to shoot. Alone they are balls and bursts (« la balle de tennis »).
var shotNouns = map[string]bool{"balle": true, "bale": true, "balles": true, "bales": true, "bastos": true, "rafale": true}

// readIdiomAct reads the acts French says with a verb and a noun: « prendre
// feu » burns (« sa maison prendra feu »), and a wish for a bullet shoots
// (« ils méritent une balle »).
// parseFrames calls it only on messages with one of these words (cueIdiom).
func readIdiomAct(fts []ftok, fr *frame, subject uint8) {
	for i, ft := range fts {
		if ft.lf&lfVerb != 0 && i+1 < len(fts) && fts[i+1].key == "feu" {
			if v, ok := lemmaIs(ft.morph, "prendre"); ok {
				fr.act, fr.actTok = actBurn, fts[i+1].tok
				fr.tense, fr.actor = verbFrame(fts, i, v, subject)
				return
			}
		}
		// « lundi, feu d'artifice au bâtiment B »: fireworks in the
		// school at a time, with no celebration named, is a blast
		// announced as an image.
		if ft.key == "feu" && i+2 < len(fts) && (fts[i+1].key == "d" || fts[i+1].key == "de") && fts[i+2].key == "artifice" &&
			fr.school && fr.time && !fr.negated && !festive(fts) {
			fr.act, fr.actTok, fr.device = actExplode, ft.tok, true
			return
		}
		if shotNouns[ft.key] && i > 0 && fts[i-1].fc&fc_det != 0 && !fr.negated && (fr.wish || deserve(fts)) {
			fr.act, fr.actTok, fr.wish = actShoot, ft.tok, true
			return
		}
	}
}

// festiveWords name a celebration: fireworks there are fireworks.
var festiveWords = map[string]bool{"fete": true, "fetes": true, "spectacle": true, "gala": true, "kermesse": true, "juillet": true,
	"nouvel": true, "anniversaire": true, "bal": true, "celebration": true, "concert": true, "mariage": true}

func festive(fts []ftok) bool {
	for _, ft := range fts {
		if festiveWords[ft.key] {
			return true
		}
	}
	return false
}

// clitLes reports whether a clause's object is the clitic « les ».
func clitLes(fts []ftok) bool {
	for i := 0; i+1 < len(fts); i++ {
		if fts[i].key == "les" && fts[i+1].lf&lfVerb != 0 {
			return true
		}
	}
	return false
}

// deserve reports whether a clause has a form of mériter (« ils
// mériteraient une balle »).
func deserve(fts []ftok) bool {
	for _, ft := range fts {
		if ft.lf&lfVerb != 0 {
			if _, ok := lemmaIs(ft.morph, "meriter"); ok {
				return true
			}
		}
	}
	return false
}

// proposedAct reports whether the clause fts[start:end] (the one before it
// from prev) proposes its act: si, a first-person subject and the
// imperfect (« et si on la noyait », « si on gazait toute la classe »),
// with « et » before si, a question mark ending the sentence, or a
// conditional in the clause before (« on finirait aux infos si on… »). A
// lesson's habitual past has none of these (« si on volait, on était
// puni »).
func proposedAct(src string, toks []dtok, fts []ftok, prev, start, end int) bool {
	if end-start < 3 || fts[start].key != "si" {
		return false
	}
	switch fts[start+1].key {
	case "on", "nous", "je", "j":
	default:
		return false
	}
	if start > 0 && fts[start-1].key == "et" {
		return true
	}
	for j := prev; j < start; j++ {
		if isConditional(fts[j]) {
			return true
		}
	}
	// The question mark closing the sentence.
	from := toks[fts[end-1].tok].end
	for t := fts[end-1].tok + 1; t < len(toks) && toks[t].flags&tSentence == 0; t++ {
		from = toks[t].end
	}
	rest := src[from:]
	if k := strings.IndexAny(rest, ".!?\n"); k >= 0 {
		return rest[k] == '?'
	}
	return false
}
