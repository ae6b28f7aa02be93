package screen

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestXLexTable checks that the committed table parses: a bad line is
// named here rather than by the panic at the package's start.
func TestXLexTable(t *testing.T) {
	es, err := parseXLex(xlexTable)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]bool{}
	per := map[uint8]map[string]bool{}
	for _, e := range es {
		langs[e.lang] = true
		if per[e.concept] == nil {
			per[e.concept] = map[string]bool{}
		}
		per[e.concept][e.lang] = true
	}
	if len(langs) != len(xlexLangs) {
		t.Errorf("%d languages in the table, %d tags", len(langs), len(xlexLangs))
	}
	for c, name := range xlexConcepts {
		if n := len(per[uint8(c)]); n < 25 {
			t.Errorf("concept %s in %d languages only", name, n)
		}
	}
}

func TestXLexParse(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
	}{
		{"bombe en: bomb explosive*", true},
		{"bombe ar: *قنبل", true},
		{"bombe zh: *炸弹", true},
		{"bombe xx: bomb", false},  // unknown language
		{"bombes en: bomb", false}, // unknown concept
		{"bombe en bomb", false},   // no colon
		{"bombe en: bo*", false},   // stem too short
		{"bombe en: *bomb", false}, // substring in Latin script
		{"bombe zh: *炸", false},    // one Han character
		{"bombe ar: *قن", false},   // two Arabic letters
		{"bombe en: b", false},     // one letter
		{"bombe en: bo*mb", false}, // a star inside
		{"bombe en: bomb!", false}, // not a word
		{"# a comment\n\nbombe en: bomb", true},
	} {
		_, err := parseXLex(tc.line)
		if (err == nil) != tc.ok {
			t.Errorf("%q: err %v, want ok %v", tc.line, err, tc.ok)
		}
	}
}

// FuzzXLexParse: the parser and the compiler never panic, and what the
// parser accepts respects the minimum lengths.
func FuzzXLexParse(f *testing.F) {
	f.Add("bombe en: bomb explosive*")
	f.Add("tuer ar: *قتل سأقتل\nécole zh: *学校")
	f.Add("toi ru: ты тебя*")
	f.Add(xlexTable[:2000])
	f.Fuzz(func(t *testing.T, s string) {
		es, _ := parseXLex(s)
		for _, e := range es {
			n := len([]rune(e.word))
			if e.kind == xlPrefix && n < xlMinStem || n < xlMinWord {
				t.Fatalf("accepted %+v", e)
			}
		}
		compileXLex(es)
	})
}

// xlFound returns the concepts (not the conjunctions) of text.
func xlFound(text string) []string {
	var out []string
	for _, n := range TextFeatures(text).Names {
		if c, ok := strings.CutPrefix(n, "xl "); ok && !strings.Contains(c, " + ") {
			out = append(out, c)
		}
	}
	return out
}

func TestXLexConcepts(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // one concept
	}{
		// bomb
		{"бомба", "bombe"}, {"βόμβα", "bombe"}, {"ბომბი", "bombe"}, {"قنبلة", "bombe"}, {"القنبلة", "bombe"},
		{"炸弹", "bombe"}, {"sprengstoff", "bombe"}, {"bomben", "bombe"}, {"வெடிகுண்டு", "bombe"}, {"بمب", "bombe"},
		// explode
		{"esplode", "exploser"}, {"patlayacak", "exploser"}, {"взорву", "exploser"}, {"تفجير", "exploser"}, {"έκρηξη", "exploser"},
		{"ontploffen", "exploser"}, {"wysadzę", "exploser"}, {"爆炸", "exploser"},
		// kill
		{"ammazzo", "tuer"}, {"öldüreceğim", "tuer"}, {"убью", "tuer"}, {"سأقتلك", "tuer"}, {"n9tlek", "tuer"},
		{"σκοτώσω", "tuer"}, {"skotoso", "tuer"}, {"zabiję", "tuer"}, {"ubiću", "tuer"}, {"убићу", "tuer"},
		{"მოგკლავ", "tuer"}, {"touye", "tuer"}, {"杀死", "tuer"}, {"بکشمت", "tuer"}, {"vrasim", "tuer"}, {"megöllek", "tuer"},
		{"koboma", "tuer"}, {"giết", "tuer"},
		// shoot
		{"schießen", "tirer"}, {"strzelanina", "tirer"}, {"стрельба", "tirer"}, {"tabanca", "tirer"}, {"πυροβολώ", "tirer"}, {"开枪", "tirer"},
		// knife
		{"coltello", "couteau"}, {"нож", "couteau"}, {"bıçak", "couteau"}, {"سكين", "couteau"}, {"μαχαίρι", "couteau"}, {"cuchillo", "couteau"},
		// burn
		{"spalę", "brûler"}, {"сожгу", "brûler"}, {"احرق", "brûler"}, {"quemaré", "brûler"},
		// behead
		{"decapitare", "égorger"}, {"ذبح", "égorger"}, {"zaklati", "égorger"}, {"sgozzare", "égorger"},
		// attack
		{"attentato", "attaque"}, {"anschlag", "attaque"}, {"теракт", "attaque"}, {"saldırı", "attaque"}, {"هجوم", "attaque"}, {"袭击", "attaque"},
		// weapon
		{"oružje", "arme"}, {"оружие", "arme"}, {"سلاح", "arme"}, {"silahlı", "arme"}, {"იარაღი", "arme"},
		// death, blood
		{"смерть", "mort"}, {"ölüm", "mort"}, {"θάνατος", "mort"}, {"sangre", "mort"}, {"الموت", "mort"}, {"去死", "mort"},
		// beat up
		{"verprügeln", "frapper"}, {"изобью", "frapper"}, {"نضربك", "frapper"}, {"döveceğim", "frapper"},
		// threat
		{"pagherai", "menace"}, {"пожалеешь", "menace"}, {"göreceksin", "menace"}, {"intikam", "menace"}, {"تهديد", "menace"},
		// school
		{"scuola", "école"}, {"школе", "école"}, {"σχολείο", "école"}, {"okulda", "école"}, {"المدرسة", "école"}, {"lmadrasa", "école"},
		{"სკოლაში", "école"}, {"学校", "école"}, {"szkole", "école"}, {"lekòl", "école"}, {"பள்ளியில்", "école"}, {"مدرسه", "école"},
		// time
		{"domani", "moment"}, {"завтра", "moment"}, {"yarın", "moment"}, {"غدا", "moment"}, {"αύριο", "moment"}, {"ხვალ", "moment"},
		{"明天", "moment"}, {"jutro", "moment"}, {"ghdwa", "moment"},
		// everyone
		{"всех", "tous"}, {"herkes", "tous"}, {"الجميع", "tous"}, {"όλους", "tous"}, {"wszystkich", "tous"},
		// terror
		{"داعش", "terreur"}, {"mujahid", "terreur"}, {"халифат", "terreur"}, {"mücahit", "terreur"}, {"شهيد", "terreur"}, {"infidels", "terreur"},
		{"伊斯兰国", "terreur"}, {"ჯიჰადი", "terreur"},
		// praise
		{"kahraman", "éloge"}, {"героям", "éloge"}, {"slava", "éloge"}, {"δόξα", "éloge"}, {"英雄", "éloge"},
		// intimate, image, publish, pay
		{"desnuda", "intime"}, {"nackt", "intime"}, {"голая", "intime"}, {"çıplak", "intime"}, {"裸照", "intime"},
		{"fotos", "image"}, {"фото", "image"}, {"صور", "image"}, {"zdjęcia", "image"},
		{"veröffentliche", "diffuser"}, {"выложу", "diffuser"}, {"سأنشر", "diffuser"}, {"paylaşacağım", "diffuser"},
		{"dinero", "payer"}, {"деньги", "payer"}, {"فلوس", "payer"}, {"bezahlen", "payer"},
		// phishing
		{"contraseña", "compte"}, {"пароль", "compte"}, {"şifre", "compte"}, {"密码", "compte"}, {"passwort", "compte"},
		{"verifica", "vérifier"}, {"подтвердите", "vérifier"}, {"doğrulayın", "vérifier"}, {"gesperrt", "vérifier"},
		{"ссылке", "lien"}, {"tıklayın", "lien"}, {"الرابط", "lien"},
		// the reader
		{"тебя", "toi"}, {"dich", "toi"}, {"seni", "toi"}, {"εσένα", "toi"}, {"შენ", "toi"},
	} {
		if got := xlFound(tc.text); !slices.Contains(got, tc.want) {
			t.Errorf("%q: concepts %v, want %s", tc.text, got, tc.want)
		}
	}
}

// TestXLexQuiet: French words, homographs of foreign harm words included,
// and ordinary foreign words (greetings, school life, numbers, names)
// bring no harm concept.
func TestXLexQuiet(t *testing.T) {
	harm := []string{"bombe", "exploser", "tuer", "tirer", "couteau", "brûler", "égorger", "attaque", "arme", "mort", "frapper", "menace", "terreur", "intime"}
	for _, text := range []string{
		// French, and French homographs of foreign words
		"bomba", "morte", "arme", "mata", "bombe", "école", "demain", "tous", "photo", "compte",
		"Réunion parents-professeurs mardi à 18h en salle 204.",
		// greetings, school life, numbers, names
		"Buongiorno a tutti, domani c'è la gita scolastica",
		"Guten Morgen, wie geht es dir? Die Hausaufgaben sind fertig",
		"Dzień dobry, jutro nie ma lekcji, dziękuję",
		"Здравствуйте, завтра родительское собрание в школе в 18 часов",
		"Καλημέρα σας, αύριο έχουμε εκδρομή με το σχολείο",
		"Merhaba, yarın okulda veli toplantısı var, teşekkürler",
		"السلام عليكم، غدا اجتماع الأولياء في المدرسة، شكرا",
		"سلام، فردا جلسه اولیا در مدرسه است",
		"გამარჯობა, ხვალ სკოლაში კრებაა",
		"你好，明天学校开家长会，谢谢",
		"Xin chào, ngày mai có họp phụ huynh ở trường",
		"Salaam aleekum, suba am na ndaje ci daara ji",
		"Mbote, lobi tokozala na likita na eteyelo",
		"Bonjou, demen gen reyinyon paran nan lekòl la",
		"Bom dia, amanhã há reunião de pais na escola, obrigado",
		"Buenos días, mañana hay reunión de padres en el colegio, gracias",
		"Hello, tomorrow is the parents' evening at school, thanks",
		"uno due tre quattro cinque, один два три, bir iki üç, واحد اثنان ثلاثة, 一二三",
		"Mohamed Ahmed, Giuseppe Rossi, Ivan Petrov, Mehmet Yılmaz, Nguyễn Văn An, Giorgi Beridze",
		"Bună ziua, mâine avem ședință cu părinții la școală",
		"Jó napot, holnap szülői értekezlet lesz az iskolában",
		"Mirëdita, nesër kemi mbledhje me prindërit në shkollë",
		"Dobar dan, sutra je roditeljski sastanak u školi",
		"Goedemorgen, morgen is er een ouderavond op school",
		"வணக்கம், நாளை பள்ளியில் பெற்றோர் கூட்டம்",
	} {
		for _, c := range xlFound(text) {
			if slices.Contains(harm, c) {
				t.Errorf("%q: harm concept %s", text, c)
			}
		}
	}
}

// TestXLexFrenchUnchanged: a French text gets no cross-language feature,
// so its features and scores are the ones it had (the probes of the
// model's fingerprint included).
func TestXLexFrenchUnchanged(t *testing.T) {
	texts := append([]string{
		"Je vais faire exploser le collège demain à 8h, personne ne sortira vivant.",
		"Bravo aux moussaillons de la 6e B pour leur spectacle, photos sur l'ENT.",
		"Votre mot de passe expire : cliquez sur le lien pour vérifier votre compte.",
		"Envoie-moi 200 euros ou j'envoie tes photos à tes parents.",
		"Coupure d'eau : l'école sera fermée lundi. Prévenez les autres parents.",
		"Sortie au musée jeudi : prévoir un pique-nique, une gourde et un sac à dos. Retour au collège à 16h30.",
		"Mon fils a été harcelé à la cantine, il a des bleus et ne veut plus venir, pouvez-vous me rappeler ?",
		"Le conseil de classe du 2e trimestre aura lieu le 14 mars ; les délégués recevront l'ordre du jour.",
	}, fingerprintProbes...)
	for _, text := range texts {
		for _, n := range TextFeatures(text).Names {
			if strings.HasPrefix(n, "xl ") {
				t.Errorf("%q: %s", text, n)
			}
		}
	}
}

// TestXLexConjunctions: the frames no French frame reads.
func TestXLexConjunctions(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Domani ammazzo tutti a scuola", "xl acte + cible"},
		{"Завтра взорву школу", "xl acte + moment"},
		{"εσένα θα σε σκοτώσω", "xl acte + toi"},
		{"سأقتل الجميع", "xl acte + tous"},
		{"öleceksin seni", "xl mort ou menace + toi"},
		{"داعش باقية، المجد للأبطال", "xl terreur + éloge"},
		{"Tengo tus fotos desnuda, paga o las publico", "xl image intime + diffusion + paiement"},
		{"Ihr Konto ist gesperrt, bestätigen Sie Ihr Passwort über diesen Link", "xl compte + vérifier + lien"},
		{"Guarda questo filmato di decapitazione e condividi", "xl vidéo violente + partage"},
	} {
		names := TextFeatures(tc.text).Names
		if !slices.Contains(names, tc.want) {
			var xl []string
			for _, n := range names {
				if strings.HasPrefix(n, "xl ") {
					xl = append(xl, n)
				}
			}
			t.Errorf("%q: %v, want %s", tc.text, xl, tc.want)
		}
	}
}

// TestXLexFrenchDictionary: no entry matches a word of the French
// dictionary (hunspell-fr, the one cmd/screenlex reads) that is not in
// xlexFrench, the French words the matcher leaves alone: the French
// lexicon knows the verbs and the harm nouns, not « photos » or « lien »,
// and a French text must keep its features. XLEX_UPDATE=1 rewrites
// xlexfrench.go from the dictionary after a change to the table.
func TestXLexFrenchDictionary(t *testing.T) {
	const dic = "/usr/share/hunspell/fr.dic"
	data, err := os.ReadFile(dic)
	if err != nil {
		t.Skip("no French dictionary:", err)
	}
	var words []string
	for _, line := range strings.Split(string(data), "\n")[1:] {
		w, _, _ := strings.Cut(line, "/")
		w, _, _ = strings.Cut(w, "\t")
		w = strings.TrimSpace(w)
		if w == "" || strings.ContainsAny(w, " -'") {
			continue
		}
		// The lemma and its usual inflections (the .dic lists lemmas).
		words = append(words, w, w+"s")
		if strings.HasSuffix(w, "au") || strings.HasSuffix(w, "eu") || strings.HasSuffix(w, "ou") {
			words = append(words, w+"x")
		} else if b, ok := strings.CutSuffix(w, "al"); ok {
			words = append(words, b+"aux")
		}
		if strings.Contains(line, "po:adj") {
			words = append(words, w+"e", w+"es")
			if b, ok := strings.CutSuffix(w, "f"); ok {
				words = append(words, b+"ve", b+"ves")
			}
		}
	}
	hits := map[string]bool{}
	nb := getBufs()
	for _, w := range words {
		a := nb.analyze(w)
		if len(a.toks) != 1 {
			continue
		}
		k := xlFold(a.toks[0].key)
		if xlm.match(k) != 0 {
			hits[strings.Clone(k)] = true
		}
	}
	putBufs(nb)
	list := make([]string, 0, len(hits))
	for k := range hits {
		list = append(list, k)
	}
	slices.Sort(list)
	if os.Getenv("XLEX_UPDATE") == "1" {
		var b strings.Builder
		b.WriteString("// Code generated by TestXLexFrenchDictionary (XLEX_UPDATE=1); DO NOT EDIT.\n\npackage screen\n\n")
		b.WriteString("// xlexFrench are the French words (hunspell-fr) that an entry of\n// xlexTable matches: they never count (xlOf).\nconst xlexFrench = `\n")
		for i, k := range list {
			b.WriteString(k)
			if i%12 == 11 || i == len(list)-1 {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString("`\n")
		if err := os.WriteFile("xlexfrench.go", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var missing []string
	for _, k := range list {
		if !xlFrench[k] {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d French words an entry matches, not in xlexFrench (XLEX_UPDATE=1 go test -run TestXLexFrenchDictionary): %v", len(missing), missing)
	}
}

// TestXLexRound43: entries of the forty-third round's languages (Armenian,
// Tanglish, Soninke, Comorian) and of the thin ones it filled in map to
// their concept through the matcher, and ordinary words of those
// languages bring no harm concept.
func TestXLexRound43(t *testing.T) {
	for _, tc := range []struct {
		word string
		want string
	}{
		// Armenian, its script and Latin letters
		{"կսպանեմ", "tuer"}, {"kspanem", "tuer"}, {"ռումբը", "bombe"}, {"դանակով", "couteau"}, {"կծեծեմ", "frapper"},
		{"դպրոցում", "école"}, {"վաղը", "moment"}, {"քեզ", "toi"}, {"գաղտնաբառը", "compte"},
		// Tanglish
		{"konnuduven", "tuer"}, {"kuthuven", "couteau"}, {"adipen", "frapper"}, {"naalaiku", "moment"}, {"unakku", "toi"},
		// Soninke, Comorian
		{"xaalisi", "payer"}, {"xarala", "école"}, {"uwula", "tuer"}, {"upanga", "couteau"}, {"wawe", "toi"}, {"likoli", "école"},
		// Chinese, pinyin
		{"弄死你", "tuer"}, {"下毒", "tuer"}, {"给我等着", "menace"}, {"裸聊", "intime"}, {"封口费", "payer"}, {"nongsini", "tuer"},
		// Vietnamese, Polish, Bulgarian, Georgian
		{"đấm", "frapper"}, {"zajebię", "tuer"}, {"zastrzelę", "tirer"}, {"zdechniesz", "mort"}, {"утрепя", "tuer"},
		{"гръмна", "tirer"}, {"გაგათავებ", "tuer"}, {"mogklav", "tuer"},
		// Lingala, creoles
		{"nakobeta", "frapper"}, {"mondoki", "tirer"}, {"kraze", "frapper"}, {"menase", "menace"},
		// Spanish, Portuguese, Romanian
		{"reviento", "frapper"}, {"balearte", "tirer"}, {"muérete", "mort"}, {"volarla", "exploser"}, {"arrebento", "frapper"},
		{"estourar", "exploser"}, {"căsăpesc", "tuer"}, {"crăpi", "mort"},
		// Russian, Ukrainian, Turkish, Tamil
		{"колумбайн", "attaque"}, {"пристрелю", "tirer"}, {"подохни", "mort"}, {"розстріляю", "tirer"}, {"тобі", "toi"},
		{"gebertirim", "tuer"}, {"şişlerim", "couteau"}, {"ifşa", "diffuser"}, {"கொன்னுடுவேன்", "tuer"}, {"அருவாள்", "couteau"},
	} {
		if got := xlFound(tc.word); !slices.Contains(got, tc.want) {
			t.Errorf("%q: concepts %v, want %s", tc.word, got, tc.want)
		}
	}
	harm := []string{"bombe", "exploser", "tuer", "tirer", "couteau", "brûler", "égorger", "attaque", "arme", "mort", "frapper", "menace", "terreur", "intime"}
	for _, text := range []string{
		"Բարև, վաղը դպրոցում ծնողական ժողով է, շնորհակալություն",
		"Vanakkam, naalaikku palliyil parents meeting irukku, nandri",
		"Jéjé, wawe usendra havi? Marahaba",
		"你好，明天放学后在操场集合，同学们一起拍照",
		"Xin chào, tối nay con đi học thêm, cảm ơn cô",
		"Dzień dobry, jutro rano lekcja polskiego, dziękuję pani",
		"Здравейте, утре сутринта има родителска среща",
		"Buenos días, mañana por la tarde hay recreo largo, gracias profe",
		"Bom dia, amanhã de manhã a turma tem intervalo, obrigado",
		"Merhaba hocam, yarın sabah teneffüste görüşelim",
		"Добрий день, завтра вранці урок, учень захворів",
	} {
		for _, c := range xlFound(text) {
			if slices.Contains(harm, c) {
				t.Errorf("%q: harm concept %s", text, c)
			}
		}
	}
}

// TestXLexRound44: entries of the forty-fourth round (conjugated, SMS and
// transliterated forms as pupils and families write them, without
// diacritics, and the sextortion and phishing concepts' everyday words)
// map to their concept; ordinary words of those languages (greetings,
// family, food, numbers, school days) and the words the older entries
// mistook through Normalize's folding (« amazing », « there », « Rahim »,
// « muro », « mora ») bring no concept at all.
func TestXLexRound44(t *testing.T) {
	for _, tc := range []struct {
		word string
		want string
	}{
		// arabizi (darija in Latin letters)
		{"nqatlek", "tuer"}, {"ghan9tlek", "tuer"}, {"nkamlek", "tuer"}, {"ndbhek", "égorger"}, {"nkhbtek", "frapper"},
		{"9anbala", "bombe"}, {"nfajarha", "exploser"}, {"lmous", "couteau"}, {"ghatshouf", "menace"}, {"lmdersa", "école"},
		{"3aryana", "intime"}, {"tswirtek", "image"}, {"nnachrek", "diffuser"}, {"lflous", "payer"},
		// Turkish without its letters
		{"oldururum", "tuer"}, {"katledicem", "tuer"}, {"ucurcaz", "exploser"}, {"bicaklicam", "couteau"}, {"yakacaz", "brûler"},
		{"gorucen", "menace"}, {"mermiler", "arme"}, {"yollicam", "diffuser"},
		// Portuguese, Brazilian, Kriolu
		{"explodiu", "exploser"}, {"fuzilar", "tuer"}, {"caixão", "mort"}, {"divulgo", "diffuser"}, {"bufunfa", "payer"},
		{"desbloquear", "vérifier"}, {"matabu", "tuer"}, {"kemabu", "brûler"}, {"fakada", "couteau"},
		// Italian, German, Romanian, Spanish
		{"ammazzerò", "tuer"}, {"esploderanno", "exploser"}, {"sputtanarti", "diffuser"}, {"cliccate", "lien"},
		{"abknallen", "tirer"}, {"verrecke", "mort"}, {"erschiessen", "tirer"}, {"hochladen", "diffuser"},
		{"lichidez", "tuer"}, {"sicriu", "mort"}, {"amenazo", "menace"}, {"ahorcarte", "égorger"},
		// Russian and Ukrainian in Latin letters
		{"ubyu", "tuer"}, {"vzorvu", "exploser"}, {"zarezhu", "couteau"}, {"pristrelyu", "tirer"}, {"sdohnesh", "mort"},
		{"izobyu", "frapper"}, {"pozhaleesh", "menace"}, {"shkolu", "école"}, {"zavtra", "moment"}, {"vylozhu", "diffuser"},
		{"vbyu", "tuer"}, {"pidirvu", "exploser"}, {"zdokhnesh", "mort"}, {"posylannya", "lien"}, {"pidtverdit", "vérifier"},
		// Dari / Persian in Latin letters
		{"mikoshamet", "tuer"}, {"chaqoo", "couteau"}, {"mizanamet", "frapper"}, {"tahdid", "menace"}, {"lokht", "intime"},
		// Albanian, Serbo-Croatian, Polish
		{"vritesh", "tuer"}, {"ther", "couteau"}, {"rrahur", "frapper"}, {"pucaću", "tirer"}, {"zaklacu", "égorger"},
		{"crkni", "mort"}, {"pozabijam", "tuer"}, {"zapierdolę", "frapper"},
		// Bambara, Wolof, Lingala, Tanglish, glued Vietnamese, English slang
		{"marifa", "tirer"}, {"muru", "couteau"}, {"lekool", "école"}, {"nakokata", "égorger"}, {"kolluvaen", "tuer"},
		{"kuthuvaen", "couteau"}, {"gietchet", "tuer"}, {"anhnong", "intime"}, {"taikhoan", "compte"}, {"unalive", "tuer"},
		{"shanked", "couteau"}, {"tmrw", "moment"},
	} {
		if got := xlFound(tc.word); !slices.Contains(got, tc.want) {
			t.Errorf("%q: concepts %v, want %s", tc.word, got, tc.want)
		}
	}
	for _, word := range []string{
		// greetings and thanks
		"merhaba", "teşekkürler", "obrigado", "grazie", "danke", "mulțumesc", "spasibo", "privet", "dyakuyu",
		"faleminderit", "hvala", "dziękuję", "jërëjëf", "mbote", "matondo", "vanakkam", "nandri", "chokran", "wakha",
		// family, food, numbers
		"anne", "baba", "ekmek", "mamma", "pane", "brot", "mutter", "pão", "feijão", "khleb", "odin", "dva", "madar",
		"pedar", "bukë", "chleb", "ceeb", "pondu", "amma", "appa", "saapadu", "khobz", "mamai",
		// words the older entries mistook
		"amazing", "there", "therapy", "thermal", "Rahim", "Rahma", "Rahul", "muro", "mora", "sung", "chem",
		// and those the helper reported, mended by the lead: an English past
		// tense, Italian and English words, a Brazilian kick-about, German numbers
		"sat", "may", "pubblica", "public", "pelada", "zahlen", "disparity", "subir", "pegar",
	} {
		if got := xlFound(word); len(got) > 0 {
			t.Errorf("%q: concepts %v, want none", word, got)
		}
	}
}

// TestXLexRound45: entries of the forty-fifth round (Swahili, Malagasy,
// Kabyle, Tamazight and Pulaar, new tags; glued, future and transliterated
// forms in Wolof, Bambara, Lingala, creoles, Kurmanji, Albanian,
// Serbo-Croatian, Turkish, arabizi and darija) map to their concept;
// ordinary words of those languages (greetings, thanks, family, food,
// numbers) bring no concept at all.
func TestXLexRound45(t *testing.T) {
	for _, tc := range []struct {
		word string
		want string
	}{
		// Turkish
		{"bombalı", "bombe"}, {"bombali", "bombe"}, {"patlıyacak", "exploser"}, {"ucuracagiz", "exploser"}, {"uçurucaz", "exploser"},
		{"basıcam", "attaque"}, {"basicam", "attaque"},
		// arabizi
		{"9ombola", "bombe"}, {"qombola", "bombe"}, {"lqnbola", "bombe"}, {"ghanfjer", "exploser"}, {"ghanfjr", "exploser"},
		{"nfjerha", "exploser"}, {"ghanfjerha", "exploser"}, {"nektlek", "tuer"}, {"nktelk", "tuer"}, {"ghadinqtlek", "tuer"},
		{"n9tlou", "tuer"}, {"n9tlouk", "tuer"}, {"ntiri3lik", "tirer"}, {"jnwiya", "couteau"}, {"jenwiya", "couteau"},
		{"nta3nk", "couteau"}, {"nte3nek", "couteau"}, {"ghan7r9ek", "brûler"}, {"n7r9lek", "brûler"}, {"n7ra9lek", "brûler"},
		{"ghandb7ek", "égorger"}, {"mkohla", "arme"}, {"lmkohla", "arme"}, {"ghatmot", "mort"}, {"ghatmoti", "mort"},
		{"ghaditmout", "mort"}, {"ghatmoutou", "mort"},
		// Swahili
		{"mabomu", "bombe"}, {"kulipua", "exploser"}, {"nitalipua", "exploser"}, {"tutalipua", "exploser"}, {"mlipuko", "exploser"},
		{"nitawaua", "tuer"}, {"tutawaua", "tuer"}, {"ameuawa", "tuer"}, {"wameuawa", "tuer"}, {"kuuawa", "tuer"},
		{"muuaji", "tuer"}, {"wauaji", "tuer"}, {"mauaji", "tuer"}, {"nikuue", "tuer"}, {"risasi", "tirer"},
		{"bastola", "tirer"}, {"kisu", "couteau"}, {"visu", "couteau"}, {"tutachoma", "brûler"},
		{"kuchinja", "égorger"}, {"nitakuchinja", "égorger"}, {"shambulio", "attaque"}, {"mashambulizi", "attaque"}, {"shambulizi", "attaque"},
		{"silaha", "arme"},
		// Malagasy
		{"baomba", "bombe"}, {"hipoaka", "exploser"}, {"hampipoaka", "exploser"}, {"nipoaka", "exploser"}, {"fipoahana", "exploser"},
		{"hamono", "tuer"}, {"mamono", "tuer"}, {"vonoina", "tuer"}, {"novonoina", "tuer"}, {"hovonoiko", "tuer"},
		{"vonoiko", "tuer"}, {"basy", "tirer"}, {"hitifitra", "tirer"}, {"tifitra", "tirer"}, {"handoro", "brûler"},
		{"hodorana", "brûler"}, {"fanafihana", "attaque"},
		// Kabyle
		{"lbumba", "bombe"}, {"nghegh", "tuer"}, {"adknɣeɣ", "tuer"}, {"adknghegh", "tuer"}, {"adkenghegh", "tuer"},
		{"nɣiɣ", "tuer"}, {"nghigh", "tuer"}, {"tajenwit", "couteau"}, {"lmus", "couteau"}, {"adksreɣ", "brûler"},
		{"adksregh", "brûler"}, {"ɣerseɣ", "égorger"}, {"ghersegh", "égorger"}, {"adkɣerseɣ", "égorger"}, {"adkghersegh", "égorger"},
		// Spanish
		{"explotarla", "exploser"},
		// Serbo-Croatian
		{"raznesem", "exploser"}, {"raznesemo", "exploser"}, {"smaknuti", "tuer"}, {"kalašnjikov", "tirer"}, {"britva", "couteau"},
		{"umrijećeš", "mort"},
		// Kurmanji
		{"biteqînim", "exploser"}, {"diteqînim", "exploser"}, {"teqiya", "exploser"}, {"dikujin", "tuer"}, {"bikujin", "tuer"},
		{"bikuje", "tuer"}, {"kujer", "tuer"}, {"kushtin", "tuer"}, {"tifing", "tirer"}, {"demançe", "tirer"},
		{"bimre", "mort"}, {"bimri", "mort"}, {"bimirî", "mort"},
		// creoles
		{"eksplozyon", "exploser"}, {"maptouyew", "tuer"}, {"mpraltouyew", "tuer"}, {"touyew", "tuer"}, {"tchouyew", "tuer"},
		{"revolvè", "tirer"},
		// German
		{"abmurksen", "tuer"}, {"totschlagen", "tuer"},
		// Ukrainian
		{"vbyemo", "tuer"}, {"vbiemo", "tuer"},
		// darija
		{"نقتلوكم", "tuer"},
		// Dari
		{"mekoshamet", "tuer"}, {"mekushamet", "tuer"}, {"mikushamet", "tuer"}, {"tofangcha", "tirer"}, {"tufangcha", "tirer"},
		// Wolof
		{"dinalarey", "tuer"}, {"dinaleenrey", "tuer"}, {"dinanurey", "tuer"}, {"damalayrey", "tuer"}, {"dingadee", "mort"},
		// Lingala
		{"nakobomayo", "tuer"}, {"bobomi", "tuer"}, {"babomi", "tuer"}, {"akufi", "mort"}, {"bakufi", "mort"},
		// Bambara
		{"nbenaifaga", "tuer"}, {"anbenaifaga", "tuer"}, {"fagali", "tuer"}, {"fagabaga", "tuer"}, {"marifaw", "tirer"},
		{"nbenaijeni", "brûler"}, {"ibenasa", "mort"},
		// Pulaar
		{"warde", "tuer"}, {"waray", "tuer"}, {"labi", "couteau"},
		// Albanian
		{"kallash", "tirer"}, {"vdeksh", "mort"}, {"vdiq", "mort"}, {"vdesësh", "mort"},
		// Tamazight
		{"tuzzalt", "couteau"}, {"ajenwi", "couteau"},
		// Italian
		{"muori", "mort"},
		// Romanian
		{"crapa", "mort"},
	} {
		if got := xlFound(tc.word); !slices.Contains(got, tc.want) {
			t.Errorf("%q: concepts %v, want %s", tc.word, got, tc.want)
		}
	}
	for _, word := range []string{
		// Swahili: greetings, thanks, family, food, numbers
		"habari", "jambo", "asante", "mama", "chakula", "moja", "mbili", "tatu", "rafiki", "nyumbani", "kua",
		// Malagasy
		"salama", "misaotra", "vary", "iray", "roa", "telo", "reny",
		// Kabyle, Tamazight
		"azul", "tanemmirt", "tanmmirt", "yemma", "aghrum", "yiwen", "tamghart",
		// Pulaar, Bambara, Wolof, Lingala
		"jaraama", "nyiiri", "kelen", "fila", "barika", "nangadef", "matondo", "mayi",
		// Kurmanji, Albanian, Serbo-Croatian, Turkish, Spanish
		"silav", "spas", "dayik", "përshëndetje", "bukë", "zdravo", "kruh", "jedan", "günaydın", "kardeşim",
		"explotación", "explotacion",
		// darija, Dari
		"khobz", "salam", "tashakor",
	} {
		if got := xlFound(word); len(got) > 0 {
			t.Errorf("%q: concepts %v, want none", word, got)
		}
	}
}

// TestXLexMisfire45 checks the older entries the round's helper found
// misfiring, mended before the retrain: Arabic-script substrings that took
// music, a season, a hall, a name and the Eid greeting, Wolof « dóor »
// folded to English door, Vietnamese « thù » to the name Thu, creole
// « kale ».
func TestXLexMisfire45(t *testing.T) {
	for _, word := range []string{"موسيقى", "الموسم", "موسى", "قاعة", "مجدي", "أمجد", "مبارك", "فردية", "ماشاء", "door", "thu", "kale"} {
		if got := xlFound(word); len(got) > 0 {
			t.Errorf("%q: concepts %v, want none", word, got)
		}
	}
	for _, c := range []struct{ word, want string }{{"الموس", "couteau"}, {"قاع", "tous"}, {"فردي", "tirer"}} {
		if got := xlFound(c.word); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: concepts %v, want %s", c.word, got, c.want)
		}
	}
}

// TestXLexRound47: the forty-fifth round's languages (Chechen, Romani,
// Breton, Basque, Catalan, Corsican, Occitan, Luxembourgish, Bengali,
// Hindi, Urdu, romanised Hindi and Urdu, Tagalog, Khmer, Lao) and the
// forms it filled in (Slavic and Albanian futures and perfectives,
// poisoning, the canteen, gym and trip bus, « everyone ») give their
// concepts in sentences of each language; ordinary messages of those
// languages give no harm concept, and the homographs the round's entries
// could take (a name, fish, « we slept », a house, a Wolof greeting) give
// no concept at all.
func TestXLexRound47(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Кхана ишколехь хьо вуьйр ву", []string{"moment", "école", "toi", "tuer"}},
		{"kxana ishkolah vuyr", []string{"moment", "école", "tuer"}},
		{"Tehara ka mudarav tumen ki škola", []string{"moment", "tuer", "toi", "école"}},
		{"Warchoazh e lazhin anezho er skol", []string{"moment", "tuer", "école"}},
		{"Ostiralean eskolan denak hilko ditut", []string{"moment", "école", "tous", "tuer"}},
		{"Demà cremaré l'escola i mataré tothom", []string{"moment", "brûler", "école", "tuer", "tous"}},
		{"Dumane tumbaraghju i prufessori à a scola", []string{"moment", "tuer", "école"}},
		{"Deman tuarai totes a l'escòla", []string{"moment", "tuer", "tous", "école"}},
		{"Freideg schéissen ech jiddereen an der Schoul", []string{"moment", "tirer", "tous", "école"}},
		{"কাল স্কুলে বোমা ফাটাব, সবাই মরবে", []string{"moment", "école", "bombe", "exploser", "tous", "mort"}},
		{"कल स्कूल में सबको गोली मारूंगा", []string{"moment", "école", "tous", "tirer", "tuer"}},
		{"کل اسکول میں سب کو گولی ماروں گا", []string{"école", "tous", "tirer", "tuer"}},
		{"kal school mein sabko goli se maarunga", []string{"moment", "école", "tous", "tirer", "tuer"}},
		{"Bukas papatayin ko kayo lahat sa paaralan", []string{"moment", "tuer", "toi", "tous", "école"}},
		{"ថ្ងៃស្អែកខ្ញុំនឹងសម្លាប់គ្រប់គ្នានៅសាលា", []string{"moment", "tuer", "tous", "école"}},
		{"ມື້ອື່ນຂ້ອຍຈະວາງລະເບີດໂຮງຮຽນ", []string{"moment", "bombe", "école"}},
		{"Завтра спортзал сгорит, передайте всем", []string{"moment", "école", "brûler", "tous"}},
		{"zavtra kolledzh vzorvetsya", []string{"moment", "école", "exploser"}},
		{"U petak ću otrovati vodu u kantini, pošalji svima", []string{"moment", "tuer", "école", "diffuser", "tous"}},
		{"Nesër do ta helmoj ujin në palestër", []string{"moment", "tuer", "école"}},
		{"liceu do të digjet të premten", []string{"école", "brûler", "moment"}},
		{"utre shte vzriviq uchilishteto", []string{"moment", "exploser", "école"}},
		{"明天我在食堂投毒", []string{"moment", "école", "tuer"}},
		{"школа заминирована, всех завалю", []string{"école", "bombe", "tous", "tuer"}},
		{"zapucaću, izbošću, razneću, klanje", []string{"tirer", "couteau", "exploser", "égorger"}},
	} {
		got := xlFound(tc.text)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: concepts %v, want %s", tc.text, got, w)
			}
		}
	}
	harm := []string{"bombe", "exploser", "tuer", "tirer", "couteau", "brûler", "égorger", "attaque", "arme", "mort", "frapper", "menace", "terreur", "intime"}
	for _, text := range []string{
		"Салам, кхана ишколехь дешархойн гулам бу, баркалла",
		"Lačho dive, tehara o čhavo na avela ki škola, naisi",
		"Demat, warchoazh e vo un emvod er skol, trugarez",
		"Kaixo, bihar eskolan bilera dago gurasoekin, eskerrik asko",
		"Bon dia, demà hi ha reunió de pares a l'escola, gràcies",
		"Bonghjornu, dumane ci hè a riunione di i parenti à a scola, grazie",
		"Bonjorn, deman i a una amassada de parents a l'escòla, mercé",
		"Moien, muer ass Elterenowend an der Schoul, merci",
		"নমস্কার, কাল স্কুলে অভিভাবক সভা আছে, ধন্যবাদ",
		"नमस्ते, कल स्कूल में अभिभावक बैठक है, धन्यवाद",
		"السلام علیکم، کل اسکول میں والدین کی میٹنگ ہے، شکریہ",
		"Namaste, kal school mein parents meeting hai, sabko dhanyavaad",
		"Magandang umaga, bukas may pulong ng mga magulang sa paaralan, salamat",
		"សួស្តី ថ្ងៃស្អែកមានប្រជុំមាតាបិតានៅសាលា អរគុណ ការវាយតម្លៃ",
		"ສະບາຍດີ ມື້ອື່ນມີກອງປະຊຸມຜູ້ປົກຄອງຢູ່ໂຮງຮຽນ ຂອບໃຈ ຜູ້ຍິງ ຂາຍ",
		"Добрый день, завтра экскурсия, автобус в 8 часов, всем спасибо",
		"Dobar dan, sutra je izlet, autobus kreće u osam, hvala svima",
		"Mirëdita, të premten kemi ekskursion, autobusi niset në tetë",
	} {
		for _, c := range xlFound(text) {
			if slices.Contains(harm, c) {
				t.Errorf("%q: harm concept %s", text, c)
			}
		}
	}
	for _, word := range []string{
		"Liam", "poisson", "casa", "ves", "nanga", "bom", "dici", "trim", "smart", "helmet", "tut",
		"love", "gift", "Rahim", "تم", "spali", "спали", "barvalo", "palikerav", "khatam", "badla", "tera", "asla",
	} {
		if got := xlFound(word); len(got) > 0 {
			t.Errorf("%q: concepts %v, want none", word, got)
		}
	}
}

// TestXLexRound48: the forty-sixth round's words in France's regional and
// border languages (Dutch and Flemish, German and Alsatian,
// Luxembourgish, Breton, Basque, Catalan, Corsican, Occitan), in Chinese,
// pinyin, Vietnamese, Bengali, Hindi, Urdu, romanised Hindi, Tagalog,
// Khmer, Lao, and in the African languages and creoles (Swahili,
// Malagasy, Pulaar, the French creoles) give their concepts; ordinary
// messages of those languages give no harm concept, and the homographs
// the round left out (a region, a Bambara « when », a name, an English
// door, Basque « hil », a fever, an evaluation) give none at all.
func TestXLexRound48(t *testing.T) {
	wantXLex(t, []xlCase{
		{"Morgen sla ik jou kapot op de speelplaats", []string{"moment", "frapper", "toi", "école"}},
		{"Gij wordt zaterdag in de refter gestoken", []string{"toi", "moment", "école", "couteau"}},
		{"Am Samstag verhau ich dich auf dem Schulhof", []string{"moment", "frapper", "toi", "école"}},
		{"Heute brennt die Turnhalle, alli sin drin", []string{"brûler", "école", "moment", "tous"}},
		{"Samschdeg verschloen mer dech am Schoulhaff", []string{"moment", "frapper", "toi", "école"}},
		{"Fenoz e kannin ac'hanout er preti", []string{"moment", "frapper", "toi", "école"}},
		{"Larunbatean kolegioan tiroak egongo dira guztientzat", []string{"moment", "école", "tirer", "tous"}},
		{"Dissabte et trencaré la cara davant dels professors", []string{"moment", "frapper", "école"}},
		{"Diluns los tuaràn totei al licèu", []string{"moment", "tuer", "tous", "école"}},
		{"Stasera tumbaraghju i prufessori in u cullegiu", []string{"moment", "tuer", "école"}},
		{"明天我带刀去学校，你小心点", []string{"moment", "couteau", "école", "menace"}},
		{"我书包里有枪，报仇的时候到了", []string{"tirer", "menace"}},
		{"mingtian daidao qu xuexiao, xuexiao hui zha", []string{"moment", "couteau", "école", "exploser"}},
		{"tối nay tao đốt trường, mọi người chết hết", []string{"moment", "brûler", "école", "tous", "mort"}},
		{"কাল স্কুলে পেট্রোল এনেছি, সব পুড়বে", []string{"moment", "école", "brûler"}},
		{"kal school e guli korbo, sobai marbo", []string{"moment", "école", "tirer", "tous", "tuer"}},
		{"कल स्कूल से कोई ज़िंदा नहीं लौटेगा", []string{"moment", "école", "tous"}},
		{"اسکول میں آگ لگا دوں گا، سب جلتے رہیں گے", []string{"école", "brûler", "tous"}},
		{"anjaam bhugatna padega, subah school jala denge", []string{"menace", "moment", "école", "brûler"}},
		{"Sasaktan ko kayo, abangan nyo ako bukas", []string{"frapper", "toi", "menace", "moment"}},
		{"ល្ងាចនេះអញនឹងវាយវាឲ្យងាប់នៅសាលា", []string{"frapper", "mort", "école"}},
		{"ພວກເຈົ້າເອົາຮູບໂປ້ໄປໂພສ ເລີກຮຽນແລ້ວຂ້ອຍຈະຕີມຶງ", []string{"toi", "intime", "image", "diffuser", "école", "frapper"}},
		{"Nitakupiga kesho jioni, nitaisambaza picha zako", []string{"frapper", "moment", "diffuser", "image"}},
		{"Hodorako ny trano rahampitso alina", []string{"brûler", "moment"}},
		{"Samdi mo ké tchoué zot dan kantin la", []string{"moment", "tuer", "toi", "école"}},
		{"jango mi fiyat on fof", []string{"moment", "frapper", "tous"}},
	}, []string{
		"Dag juf, zaterdag is er een feest op de speelplaats, iedereen welkom",
		"Am Samstag ist Schulfest auf dem Schulhof, alle sind eingeladen",
		"Samschdeg ass Fest am Schoulhaff, jiddereen ass wëllkomm",
		"Fenoz e vo fest-noz er skolaj, deuit holl",
		"Larunbatean kolegioan jaialdia egongo da, guztiok gonbidatuta",
		"Dissabte hi ha festa a l'escola, els professors us esperen",
		"Dimenge i a la fèsta del licèu, venètz totei",
		"明天学校开家长会，请大家准时参加，谢谢老师",
		"孩子发烧了，明天请假；春节放鞭炮很热闹",
		"Ngày mai lớp có họp phụ huynh, mọi người nhớ đến nhé, cảm ơn thầy",
		"kal school e sobai picnic e jabo",
		"raat ko sab log khana khayenge, subah school hai",
		"Bukas may titser meeting, salamat po",
		"ការវាយតម្លៃនៅសាលាថ្ងៃស្អែក",
		"Kesho jioni kuna mkutano wa wazazi, karibuni wote",
		"Rahampitso alina misy fety ho an'ny mpianatra rehetra",
	}, []string{
		"Sham", "tuma", "raat", "aag", "fann", "Leo", "door", "jeni", "ianao", "hil", "talata", "chem", "sung", "may", "dot",
	})
}

// TestXLexRound49: the forty-seventh round's words in the languages of the
// overseas académies (the Antillean, Guianese and Réunion creoles, Sranan
// and Nenge, Tahitian, Shimaore, Malagasy) and in Swahili and Lingala give
// their concepts; ordinary messages of those languages give no harm
// concept, and the homographs the round left out (a Russian pronoun that
// folds to « ero », the Polish and Ukrainian « tak », a Serbian « kod », a
// French « pistole ») give none at all.
func TestXLexRound49(t *testing.T) {
	wantXLex(t, []xlCase{
		{"Mi sa touy aou domin dann lakantin", []string{"tuer", "toi", "moment", "école"}},
		{"An ké tjwé zot lannuit", []string{"tuer", "toi", "moment"}},
		{"Mo ka pòté on koutla koméla", []string{"couteau", "moment"}},
		{"Nou ké mèt lésans é flanm an kolèj-la", []string{"brûler", "école"}},
		{"Man mété pwazon an lakantin, pa manjé si zot vlé viv", []string{"tuer", "école", "tous"}},
		{"Sa sé on éwo, i ba yo kou zordi", []string{"éloge", "frapper", "moment"}},
		{"Mi o sutu den leriman na skoro", []string{"tirer", "école"}},
		{"Mi o kiri unu alasma, unu o dede", []string{"tuer", "toi", "tous", "mort"}},
		{"Mi o naki den pikin a sikoo te den dede", []string{"frapper", "école", "mort"}},
		{"Ananahi e haapohe au ia outou i te haapiiraa", []string{"moment", "tuer", "toi", "école"}},
		{"E pupuhi au i te orometua, e pohe paatoa", []string{"tirer", "école", "mort", "tous"}},
		{"Meso shioni na chombo", []string{"moment", "école", "couteau"}},
		{"Hodorako ny sekoly rahampitso, ho faty ianareo rehetra", []string{"brûler", "école", "moment", "mort", "tous"}},
		{"Misy antsy ao anaty kitapoko", []string{"couteau"}},
		{"Nitaleta bunduki shuleni kesho", []string{"tirer", "école", "moment"}},
		{"Tokozikisa eteyelo lobi na butu", []string{"brûler", "école", "moment"}},
	}, []string{
		"Bonjou madanm, mo pa ka vini lékòl dèmen, mo malad",
		"Oté, zordi lakantin néna kari poulé, domin nou fé sport",
		"Manmay, swar-la ni répétisyon kolèj-la, mèsi pou tout moun",
		"Tamara den pikin o go na skoro, grantangi",
		"Ia ora na, ananahi e haere paatoa i te haapiiraa, mauruuru",
		"Rahampitso misy fety any amin'ny sekoly ho an'ny rehetra",
		"Kesho shuleni kuna mkutano wa walimu na wazazi wote",
		"Lobi eteyelo ekozala na feti, bino nyonso boya",
	}, []string{"его", "tak", "так", "kod", "pistolé", "moun", "yu"})
}

// xlCase is a text and the concepts the cross-language lexicon must find
// in it.
type xlCase struct {
	text string
	want []string
}

// xlHarm are the concepts of harm an ordinary text must not show.
var xlHarm = []string{"bombe", "exploser", "tuer", "tirer", "couteau", "brûler", "égorger", "attaque", "arme", "mort", "frapper", "menace", "terreur", "intime"}

// wantXLex checks a round's entries: each case's concepts are found,
// ordinary texts show no concept of harm, and the homographs left out
// find nothing.
func wantXLex(t *testing.T, cases []xlCase, ordinary, homographs []string) {
	t.Helper()
	for _, tc := range cases {
		got := xlFound(tc.text)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: concepts %v, want %s", tc.text, got, w)
			}
		}
	}
	for _, text := range ordinary {
		for _, c := range xlFound(text) {
			if slices.Contains(xlHarm, c) {
				t.Errorf("%q: harm concept %s", text, c)
			}
		}
	}
	for _, word := range homographs {
		if got := xlFound(word); len(got) > 0 {
			t.Errorf("%q: concepts %v, want none", word, got)
		}
	}
}
