package screen

// xlexTable is the cross-language lexicon of harm concepts (xlex.go),
// written for Bouclier from the team's own knowledge of the languages.
// One line per concept and language: « concept lang: entries ».
//
//	word   the word itself (two letters or more)
//	stem*  any word starting with stem (four letters or more: a shorter
//	       stem starts too many ordinary words)
//	*sub   any word containing sub, for the scripts whose words carry
//	       clitics or are not spaced (Arabic, Persian, Pashto, Sorani,
//	       Urdu, Georgian, Khmer, Lao: three letters or more, vowel signs
//	       and marks counted; Han: two characters or more). Khmer and Lao
//	       marks are dropped before matching, so a substring must stay
//	       distinctive without them.
//
// Entries are read through Normalize like the text (accents and double
// letters folded, look-alike Greek or Cyrillic words folded to Latin), so
// they are written as the language writes them. A word the French lexicon
// knows never counts (« bomba », « morte », « arme » are read by the
// French frames), so listing one is harmless but useless.
//
// Language tags: en es pt it de nl pl ro sq (Albanian) sh (Serbian,
// Croatian, Bosnian; Latin) sr (Cyrillic) ru uk bg el gl (Greeklish) hu ka
// tr ar (standard) dz (Maghrebi darija, Arabic script) az (arabizi) fa
// (Persian, Dari) ps ku (Kurmanji, and Sorani in Arabic script) ta zh
// (characters) py (pinyin) vi wo ln bm cr (Haitian, Antillean and Réunion
// creoles) cv (Cape Verdean) hy (Armenian, in its script and in Latin
// letters) tl (Tamil in Latin letters, « Tanglish ») sk (Soninke) km
// (Comorian: Shingazidja, Shimaore) kab (Kabyle, Latin letters) ber
// (Tachelhit, Tarifit, Standard Moroccan Amazigh; Latin letters) ff
// (Pulaar, Fula) sw (Swahili) mg (Malagasy) ce (Chechen, Cyrillic and
// Latin letters) rom (Romani, Latin letters) br (Breton) eu (Basque) ca
// (Catalan) co (Corsican) oc (Occitan) lb (Luxembourgish) bn (Bengali,
// its script and romanised) hi (Hindi, Devanagari) ur (Urdu, Arabic
// script) hng (Hindi and Urdu in Latin letters, « Hinglish ») fil
// (Tagalog, Filipino) khm (Khmer) lo (Lao) srn (Sranan Tongo and the
// Maroon creoles of Guyane: Nenge, Aluku, Pamaka) ty (Tahitian).
const xlexTable = `
bombe en: bomb bombs bomber bombing explosive* dynamite grenade* detonator*
bombe es: bomba bombas explosivo* dinamita granada granadas detonador* bombazo
bombe pt: bomba bombas explosivo* dinamite granada granadas detonador*
bombe it: bomba bombe esplosivo esplosivi dinamite granata granate ordigno ordigni detonator*
bombe de: bombe bomben sprengstoff* sprengsatz* granate granaten dynamit zünder
bombe nl: bommen explosiev* springstof* dynamiet granaat granaten
bombe pl: bomba bomby bombę bombą bombe materiał wybuchow* granat granaty dynamit ładunek ładunki
bombe ro: bombă bomba bombe explozibil* dinamită grenadă grenade
bombe sq: bombë bomba bombat eksploziv* dinamit granatë bombën
bombe sh: bomba bombu bombe bombom eksploziv* dinamit granata granatu bombama
bombe sr: бомба бомбу бомбе бомбом експлозив* динамит граната гранату
bombe ru: бомба бомбу бомбы бомбой бомбе взрывчатк* граната гранату гранаты динамит самодельн* тротил молотов* гексоген vzryvchatk* vzrivchatk* granatu заминир* zaminir*
bombe uk: бомба бомбу бомби бомбою вибухівк* граната гранату динаміт vybukivk* vibuhivk* замінов* мінуван* zaminov*
bombe bg: бомба бомбата бомби експлозив* граната динамит
bombe el: βόμβα βόμβες βόμβας εκρηκτικ* χειροβομβίδ* δυναμίτ*
bombe gl: vomva vomves vomvas bomba ekriktika ekriktiko
bombe hu: bomba bombát bombák robbanószer* robbanóanyag* gránát* dinamit*
bombe ka: *ბომბ *ასაფეთქებ *ყუმბარ *დინამიტ
bombe tr: bomba bombayı bombalar* patlayıcı* bombası dinamit bombala* molotof bombacı bombacılar bombalıcam bombalı bombali
bombe ar: *قنبل *متفجر *عبوة *ديناميت
bombe dz: *بومبة *بومبا *قنبول *لبومب
bombe az: bomba lbomba qonbola qnbola 9onbola 9nbola qanbala qonboula 9enbla 9anbala qnbla lqonbola 9ombola qombola lqnbola
bombe fa: *بمب منفجره *نارنجک
bombe ps: بم *چاودیدونک
bombe ku: bombe bombeyek teqemenî *بۆمب *تەقەمەنی
bombe ta: வெடிகுண்டு* குண்டு*
bombe zh: *炸弹 *炸药 *手榴弹 *爆炸物 *炸彈 *炸藥 *雷管 *汽油弹 *汽油彈 *燃烧瓶 *燃燒瓶 *定时炸 *定時炸
bombe py: zhadan zhayao shouliudan dingshizhadan leiguan qiyoudan
bombe vi: lựu đạn
bombe wo: bombe
bombe ln: bombe
bombe cr: bonm bonb
bombe cv: bomba
bombe hy: ռումբ* պայթուցիկ* նռնակ* rumby rumber paytucik
bombe tl: vedigundu vedikundu vedigundugal
bombe sw: mabomu
bombe mg: baomba
bombe kab: lbumba
bombe ce: бомбанаш
bombe rom: bombasa bombaca
bombe br: bombezenn bombezennoù
bombe eu: bonba bonbak bonbaz bonbarekin lehergailu*
bombe ca: bombes explosius explosiu dinamita artefacte
bombe co: esplusivu esplusivi
bombe oc: bombas explosiu
bombe lb: bommen
bombe bn: বোমা* বিস্ফোরক* গ্রেনেড*
bombe hi: बम बमों विस्फोटक* ग्रेनेड*
bombe ur: *دھماکہ *بارود *گرینیڈ بم
bombe hng: baarood barood dhamaka
bombe fil: pampasabog granada
bombe khm: *គ្រាប់បែក
bombe lo: *ລະເບີດ

exploser en: explode* explosion* blow detonat* blowup
exploser es: explotar explotará exploto explota explotaré explosión explosion volarla volarlo volarlos volaré volaremos estall* detonar reventaré explotar*
exploser pt: explodir* explode explosão explosao rebentar* detonar estourar* explodo explodi* exploda explodam
exploser it: esplodere esplode esploderà esploderò esplosione esplosioni esplod*
exploser de: explodier* explosion* sprengen sprenge sprengt hochjagen gesprengt
exploser nl: ontploff* exploder* explosie* opblazen
exploser pl: wybuch* wysadz* eksplod* rozwalę rozpierdolę
exploser ro: explod* explozi* detona detonez
exploser sq: shpërth* shperth* shpërthej shpërthen shpërthim*
exploser sh: eksplodir* eksplozij* raznijeti raznet* dignuću dignucu raznesem raznesemo dižemo dizemo dignemo dignuti dignem dignut* dignu razneti raznesu razneću
exploser sr: експлодир* експлозиј* разнет* разнијет* дижемо дигнемо дигнути дигнут* разнети
exploser ru: взорв* взрыв* взрывать взорвётся подорву подорвём подорвать подрыв* жахну рванёт бахну vzorvu vzorvem vzorvyom vzorvat podorvu podorvem vzryv* vzriv* взорвется взорвут взорвём vzorv* vzorvetsya vzorvetsa rvanet rvanyot рванет
exploser uk: вибух* підірв* підрив* pidirvu pidirvemo pidirvaty vybukh* vibuh*
exploser bg: взрив* взриви* експлоз* взривя взриви vzrivq vzriviq vzriv* гръмне гръмнат
exploser el: έκρηξη εκρήξεις εκρηξ* ανατιν* σκάσει
exploser gl: ekriksi anatinaxo anatinazo
exploser hu: felrobban* robban* robbant*
exploser ka: *აფეთქ *აფეთქებ *აფეთქდ avafetqeb
exploser tr: patlat* patlayacak patlama* patlasın uçuracağım uçurcam uçururum uçuracağız uçurucam ucurcaz patlatıcam patlatcaz patlıyacak ucuracagiz uçurucaz
exploser ar: *تفجير *انفجار *سأفجر *سنفجر *يفجر *فجرو *تنفجر *ينفجر *نسف
exploser dz: *نفرقع *نطرطق *غانفجر *نفجر *فرقع *تفرقع
exploser az: nfj9 nfjer tfjir tfjer nferg3 nfer93 nfarga3 infijar tfajir nfjr nfajar nfjrha nfajarha nfjrkom nfarg3ha nfr9a3 ghanfjer ghanfjr nfjerha ghanfjerha
exploser fa: *منفجر *انفجار *بترکون *میترکون *میترکه monfajer monfajeresh mitarkunam mitarkonam
exploser ps: *چاودنه *والوزوم *الوزوم
exploser ku: teqandin teqîn *تەقاندن *تەقینەوە biteqînim diteqînim teqiya
exploser ta: வெடிக்க* வெடிப்பு* வெடிக்கும்* தகர்க்க*
exploser zh: *爆炸 *炸掉 *炸死 *引爆 *炸学校 *炸了 *要炸 *炸毁 *炸毀 *炸飞 *炸飛 *炸平 *炸烂 *炸爛 *炸你 *炸學校 *炸校 *爆破 *炸得你
exploser py: baozha zhadiao yinbao zhale zhahui zhafei zhaping zhaxuexiao zhani zha
exploser vi: nổ
exploser wo: tojal
exploser ln: kopanza
exploser cr: eksploze pete eklate eksplozyon
exploser cv: sploda explodi
exploser hy: պայթեցն* պայթյուն* պայթուն* պայթելու պայթի կպայթեցնեմ paytecn* paytyun* paytacnem
exploser tl: vedikkum vedippen vedichiduven vedikkaveppen thagarpen thagarthuduven
exploser sw: kulipua nitalipua tutalipua mlipuko italipuka litalipuka kulipuka
exploser mg: hipoaka hampipoaka nipoaka fipoahana
exploser ce: эккхийта эккхийтина эккхийтор эккхор эккхар эккхийт* ekkhiyta ekxiyta
exploser rom: phađav phadav phađarav phadarav phađela phadela phađol phadol eksplodirinel
exploser br: tarzhañ tarzhin tarzho tarzhet tarzhadenn
exploser eu: lehertu lehertuko leherrarazi* leherketa* lehertzen
exploser ca: explotar explotaré explotarem explotarà esclatar esclatarà rebentar rebentaré volaré
exploser co: scuppià scuppiarà scuppiaraghju scuppiu
exploser oc: petar petarai esclatar esclatarà
exploser lb: explodéieren explodéiert sprengen
exploser bn: বিস্ফোরণ* উড়িয়ে উড়াব ফাটিয়ে ফাটাব
exploser hi: विस्फोट* धमाका* धमाके उड़ा उड़ाऊंगा उड़ाएंगे
exploser ur: *دھماکے *اڑادوں *اڑاؤں
exploser hng: udadunga udaunga udaenge udadenge dhamake phodunga udane
exploser fil: sasabog pasabugin papasabugin pasasabugin sumabog pasabog
exploser khm: *ផ្ទុះ
exploser lo: *ລະເບີດ *ລະເບີດໃສ່

tuer en: kill kills killed killing* killer* murder* slaughter poisoned poisoning unalive unalived merked killin
tuer es: matar* mataré mataría matarte matarlos mátalos muerto asesin* mato mátate matate mátenlo mátalo matalo maten liquidarte quebrarte envenen* veneno
tuer pt: matar* mato mataria matá assassin* matar matem matei fuzilar* matamos envenen* veneno
tuer it: uccid* uccis* assassin* ammazzo ammazzare ammazzato ammazzata ammazzati ammazzarti ammazzarvi ammazzarlo ammazzarla ammazzi ammazziamo ammazzer* avvelen* veleno
tuer de: töten tötet töte getötet umbringen bringe umbring* ermord* mörder* abstechen killen kaltmachen abmurks* totschlag* vergift*
tuer nl: doden dood vermoord* moord* afmaken vergiftig* vergif* doodmaken doodmaak ombrengen omleggen
tuer pl: zabiję zabij* zabić zabiłem zabijać zabójst* morderst* morderc* zamorduj* zabijemy zajebię zajebie zajebiemy zajebać zajebac zatłukę ukatrupi* wykończę pozabijam otruj* otrut*
tuer ro: omor* ucid* ucide asasin* crimă căsăpesc casapesc lichidez otrăv* otrav*
tuer sq: vras* vrit vrarë vrasës vrau vritesh vriteni vrava helmoj helmoi helmova helmuar helmuam helmojmë helmim* vrasim vrasin
tuer sh: ubit* ubij* ubiću ubicu ubiti ubojst* ubistv* ubic* zaklat* raznijeću smaknut* otrov* otrovat* ubiće ubice ubićemo ubicemo pobijem pobiću pobicu
tuer sr: убит* убиј* убићу убиство* убица отров* убиће убићемо побићу
tuer ru: убью убьём убить убил* убей убивать убийств* убийц* прикончу замочу уничтожу зарежу грохну урою закопаю порешу ubyu ubju ubiu ubyem ubyom ubey ubej zamochu prikonchu grohnu grokhnu zakopayu uroyu убьем перебью перебьём перережу отрав* отравлю отравлена отравлен perebyu otravlyu otravlen* завалю завалим zavalyu
tuer uk: вбити вбю вбив* вбий вбивств* убий убю вбивц* заріжу прибю знищу замочу порішу вбємо вбиваю vbyu vbju vbiu vbyty vbity vbyvstvo zamochu vbyemo vbiemo отру* отрую отруїти отруєн*
tuer bg: убия убие убиват* убийств* убиец* утрепя избия убивам убих пречукам отров* ubiq ubiia ubiya ubie ubivam izbiq izbiia izbiya ubiem
tuer el: σκοτώσω σκοτώνω σκότωσ* σκοτωσ* σκοτών* φόνο φονιάς δολοφον*
tuer gl: skotoso skotono skotosw skotwsw skotwnw skotose skotoste fono dolofon*
tuer hu: megöl* ölni öllek ölöm gyilkos* kinyír* megöllek
tuer ka: *მოგკლავ *მოკლავ *ვკლავ *მოვკლავ *კლავს *მოკვლ *მკვლელ *დაგხოც *დავხოც *გაგათავებ mogklav mogklavt movklav
tuer tr: öldür* katlet* gebertec* geberteceğim cinayet* katil gebert* katled* öldürürüm oldururum öldürcez gebertcem zehir* zehirle*
tuer ar: *قتل *اقتل *سأقتل *سنقتل *يقتل *تقتل *نقتل *اغتيال *مقتل
tuer dz: *نقتلك *غنقتل *نقتلكم *نقتلو *نذبحك *نصفيك *نكملك *نقتلوك
tuer az: n9tlek n9telk nqtlek nqtlk nktlek n9tlk n9tlkom qtel 9tel n9atlek nekatlek n9tel nqtel nktlk nqatlek n9etlek nqetlek ghan9tlek ghanqtlek nqtlkom n9atlkom nqatlkom nkmlek nkamlek nsefik nseffik nektlek nktelk ghadinqtlek n9tlou n9tlouk
tuer fa: *بکشم *میکشم *بکشمت *میکشمت *کشتن *کشتم *قتل *بکشیم *میکشیمت *کشته mikosham mikoshamet mikoshamat mikoshimet bokosham bokoshamet koshtamet mekoshamet mekushamet mikushamet
tuer ps: *وژنم *ووژنم *ووژنو *وژنو *ووژني *وژل *قتل
tuer ku: bikujim dikujim kuştin kujtin *دەتکوژم *کوشتن *بکوژم dikujin bikujin bikuje kujer kushtin
tuer ta: கொல்வேன்* கொல்ல* கொலை* கொன்று* கொல்லுவேன்* கொல்வோம்* கொன்னு* போட்டுத்தள்ளு* தீர்த்துக்கட்டு* சாகடிப்பேன்* விஷம்*
tuer zh: *杀了 *杀死 *杀掉 *杀人 *杀你 *杀光 *杀全 *要杀 *谋杀 *殺死 *殺了 *殺人 *弄死 *整死 *干掉 *幹掉 *毒死 *投毒 *下毒 *掐死 *勒死 *灭口 *滅口 *殺光 *殺掉 *殺你 *要你命 *砍死 *宰了你 *搞死你 *下了毒 *投了毒
tuer py: shasi shanile sharen shadiao moushai nongsi nongsini zhengsi gandiao shaleni shaguang dusi xiadu toudu zaile yaoniming
tuer vi: giết giet gietchet daudoc
tuer wo: rey reyal dinalarey dinaleenrey dinanurey damalayrey
tuer ln: koboma nakoboma nabomi boma tokoboma bakoboma nakobomaka nakobomayo bobomi babomi
tuer bm: faga nbenaifaga anbenaifaga fagali fagabaga
tuer cr: touye tiye tchouye tchwe tuye maptouyew mpraltouyew touyew tchouyew tchoue tchoué asasin touy tuy tjwe tjwé tchwé touyé tiyé pwazon anpwazonnen anpwazonen anpwazoné ampwazoné pwazonné
tuer cv: mata matá matau matabu mataw
tuer hy: սպանել* սպանեմ սպանում սպանի սպանենք սպանեք կսպան* սպանութ* մարդասպան* spanel spanem spanelu spanenq spanenk kspan* spanutyun
tuer tl: kolla kolluven kolven kollven kolluvom konnuduven konnuruven kondruduven kondruven konnuduvom kolai kolaikaran potuthalluven pottuthalluven theerthuduven saagadippen sagadippen kolluvaen kolvaen kollanum konnuduvaen kondruduvaen visham vesham
tuer km: uwula uula
tuer sw: nitawaua tutawaua ameuawa wameuawa kuuawa muuaji wauaji mauaji nikuue nitakuua tutakuua nitamuua
tuer mg: hamono mamono vonoina novonoina hovonoiko vonoiko hovonoina
tuer kab: nghegh adknɣeɣ adknghegh adkenghegh nɣiɣ nghigh
tuer ff: warde waray warat mbarat
tuer ce: вуьйр йуьйр дуьйр буьйр вийр вуьйра вийнарг vuyr vuyyr
tuer rom: mudarav mudarel mudaren mudares mudaras mudarava
tuer br: lazhañ lazhin lazho lazhet lazhan lazhomp lazher lazhfe lazhimp lazhfen
tuer eu: hilko hilgo hilen hiltzea hiltzeko hildako hilketa* erail* zaitut hiltzen
tuer ca: mataré matarem matar-te matar-vos matareu assassinar* enverinar* enverinaré matar mato matarà mataran matem
tuer co: tumbaraghju tumbaremu tumbu ammazzà ammazzaraghju tumbati
tuer oc: tuar tuarai tuarem tuat tuats tuam tuaràn tuarà enverinar enverinat
tuer lb: ëmbréngen ëmbruecht doutmaachen doutschloen vergëften vergëft
tuer bn: মেরে মারব হত্যা* বিষ merefelbo খুন marbo
tuer hi: मारूंगा मारूँगा मार डालूंगा डालूँगा मारेंगे हत्या* जहर ज़हर
tuer ur: *ماروں ڈالوں *زہر
tuer hng: maarunga marunga maardunga mardunga dalunga maarenge marenge qatl katl qatal hatya zeher zehar daalunga
tuer fil: papatayin patayin pumatay papatay lalasunin lason
tuer khm: *សម្លាប់
tuer lo: *ຂ້າມຶງ *ຂ້າຖິ້ມ *ຂ້າໃຫ້ຕາຍ
tuer srn: kiri kiriman kii
tuer ty: haapohe taparahipohe

tirer en: shoot shooting shooter gun guns rifle* pistol* firearm* shootup
tirer es: disparar disparo disparos dispara disparó disparé disparen tiroteo* pistola* fusil* escopeta balacera balear balearte baleo balacear* balazo* tiros cuete plomear*
tirer pt: tiro tiros tiroteio* atirar* disparar disparo disparos dispara disparou disparei pistola* espingarda metralhadora revólver atiro balear metralhar* oitão fuzil fuzis fuzilo trezoitão
tirer it: sparatoria* pistola* fucile* mitra mitragliatrice sparare sparo sparerò spareremo sparato spari sparate
tirer de: schießen schieße schießerei* erschießen erschieße erschossen* pistole* gewehr* waffe abknall* schiessen erschiessen erschiesse schiesse knarre knarren
tirer nl: schieten schiet schietpartij* pistool* geweer* vuurwapen* neerschiet* doodschiet* neerknallen neerknal
tirer pl: strzel* strzelanin* pistolet* karabin* broń palna spluwa zastrzel* odstrzel* postrzel* rozstrzelam
tirer ro: împușc* impusc* pistol* mitralier* pușcă pusca glonț gloanț*
tirer sq: qëlloj qëllim qellim pushk* pistolet* qelloj kallash
tirer sh: pucat* pucnjav* upucat* pištolj* puška pušku pištolj pucaću pucacu upucaću upucacu kalašnjikov zapucaću zapucacu zapucati
tirer sr: пуцат* пуцњав* упуцат* пиштољ* пушка пушку
tirer ru: стрелять стрельб* застрел* пистолет* ружь* калаш* ствол перестреляю пристрелю постреляю расстреляю расстрел* огнестрел* pristrelyu pristrelu zastrelyu zastrelu rasstrelyayu rasstrelyau perestrelyayu strelyat strelba stvol pistolet rasstrel* расстреляем перестреляем
tirer uk: стріляти стрілянин* застрел* пістолет* рушниц* постріляю перестріляю розстріляю розстріл* стрілятиму вогнепальн* postrilyayu rozstrilyayu zastrelyu strilyaty strilyanyna
tirer bg: стрелям стрелба застрелям пистолет* пушка гръмна разстрелям калашник*
tirer el: πυροβολ* όπλο όπλα πιστόλι καλάσνικοφ
tirer gl: pyrovolo pirovolo pirovolisw pyrovolisw oplo pistoli
tirer hu: lövöldöz* lelő* lelövöm pisztoly* fegyver* puská*
tirer ka: *სროლ *ვესრ *გესრ *დავცხრილ *პისტოლეტ *ავტომატ *გესვრ *ტყვია *თოფი *თოფით *დაგცხრილ
tirer tr: vurac* vuracağım silah* tabanca* tüfek* kurşun* kurşunla* vururum vurcam vurucam sıkarım tararım vurucaz vuracaz
tirer ar: *رصاص *مسدس *بندقية *كلاشن *رشاش
tirer dz: *نطيرلك بالرصاص *كرطوش فردي الفردي بالفردي *كلاش
tirer az: ntirlek kalach frdi kartouch lfrdi lferdi rsasa ntiri3lik
tirer fa: *تیراندازی *شلیک *تفنگ *کلاشنیکف tofang tufang tofangam tofangcha tufangcha
tirer ps: ډزې ډز *ټوپک *تومانچه
tirer ku: gulebaran *تەقە *دەمانچە tifing demançe
tirer ta: சுட்டு* சுடுவேன்* துப்பாக்கி*
tirer zh: *开枪 *枪击 *枪杀 *手枪 *步枪 *射杀 *開槍 *槍擊 *开火 *開火 *扫射 *掃射 *枪毙 *槍斃 *射死 *崩了你 *手槍 *步槍 *槍殺 *带枪 *帶槍 *拿枪 *拿槍 *有枪 *有槍 *一把枪 *一把槍
tirer py: kaiqiang qiangji qiangsha shouqiang kaihuo saoshe qiangbi bengleni daiqiang
tirer vi: bắn
tirer wo: fetel
tirer ln: kobeta masasi mondoki mindoki
tirer cr: tire zam fizi revolvè pistolé pistolè pistole kalach gwofizi
tirer cv: tiru pistola
tirer hy: կրակել կրակեմ կկրակեմ կրակոց* ատրճանակ* հրացան* krakel krakem kkrakem atrchanak hracan
tirer tl: suduven suttuduven suttuthalluven thuppakki thupakki
tirer bm: marifa marifaw
tirer sw: risasi bastola bunduki
tirer mg: basy hitifitra tifitra
tirer ce: тоьпаца тоьпах тоьпаш тапча тапчанца
tirer rom: pištoli pistoli puška puske puškasa
tirer br: tennañ tennin tennet fuzuilh fuzuilhoù
tirer eu: tiroka tirokatu tiro pistola* fusila* eskopeta tiroak tiroz tirokatuko
tirer ca: dispararé dispararem disparar tirotei* pistola escopeta
tirer co: tiraraghju fucilà fucile schiuppu
tirer oc: tirarai fusilh pistolet fusiu bala balas
tirer lb: schéissen schéisse erschéissen
tirer bn: গুলি* বন্দুক* পিস্তল* guli bonduk
tirer hi: गोली* बंदूक* कट्टा तमंचा पिस्तौल*
tirer ur: *گولی *بندوق *پستول
tirer hng: goli goliyan goliya bandook banduk katta tamancha
tirer fil: babarilin barilin baril binaril pamamaril
tirer khm: *បាញ់ *កាំភ្លើង
tirer lo: *ຍິງໃສ່ *ຍິງປືນ *ລູກປືນ *ປືນສັ້ນ
tirer srn: gon sutu suti gonsutu
tirer ty: pupuhi

couteau en: knife knives stab stabbing stabbed machete blade shanked shanking
couteau es: cuchillo* navaja* apuñal* acuchill* machete puñal* pincharte cuchillad* filero rajarte
couteau pt: faca facas facada* esfaque* punhal navalha catana peixeira canivete faquinha furar
couteau it: coltell* accoltell* pugnal* lama
couteau de: messer abstechen stechen erstechen niederstechen klinge messern stech messerstecherei mässer
couteau nl: messen steken neersteken doodsteken mesje zakmes steekwapen gestoken steekpartij
couteau pl: nóż noża noże nożem dźgnę dźgn* zadźgam maczet* potnę pokroję
couteau ro: cuțit* cutit* înjunghi* injunghi* sabie briceag spintec macetă
couteau sq: thikë thika thike thero thikën thikat ther therrje therrur
couteau sh: nož noz nožem nozem izbost* izbodem britva izbošću izboscu
couteau sr: нож ножем избост* избодем
couteau ru: нож ножом ножа зарежу зарезать порежу пырну мачете ножи ножей ножик заточк* ножиком ножичком зарежем nozh nozhom nozhik zarezhu zarezhem porezhu pyrnu zatochka перережу pererezhu
couteau uk: ніж ножем заріжу зарізати ножа ножі ножик ножиком пирну поріжу заріжемо nizh nozhem zarizhu porizhu
couteau bg: нож ножа наръгам заколя ножове ножът ножче нарежа намушкам nozh nojove
couteau el: μαχαίρι μαχαίρια μαχαίρωμα μαχαιρώσω μαχαιρ*
couteau gl: maxairi maxairia maxairoso maheri
couteau hu: kés késsel kést leszúr* megszúr*
couteau ka: დანა დანას დანის დანები დანებს *დანით *დაგჭრ *დავჭრ
couteau tr: bıçak* bicak* bıçaklar* saplayac* şişlerim şişlicem şişleyeceğim saplarım doğrarım bicaklarim bıçaklıcam sislerim sislicem
couteau ar: *سكين *طعن *ساطور *خنجر
couteau dz: *جنوي موس الموس بالموس *نطعنك *نشرطك *نقطعك
couteau az: jenwi janwi nt3nek nchertek jnwi jnoui jenoui lmous lmouss nchartek nchrtk nta3nek nt3enk jnwiya jenwiya nta3nk nte3nek
couteau fa: *چاقو *کارد *قمه چاقو chaqu chaqoo chaghoo chaghu chaqo
couteau ps: *چاړه *چاقو
couteau ku: kêr *چەقۆ
couteau ta: கத்தி* குத்து* குத்துவேன்* குத்திடுவேன்* குத்திக்கொல்* அருவாள்* அரிவாள்*
couteau zh: *刀捅 *捅死 *砍死 *砍人 *用刀 *捅你 *砍你 *砍了你 *刀子 *菜刀 *匕首 *砍刀 *捅人 *持刀 *捅了你 *有刀 *带刀 *帶刀 *拿刀 *买刀 *買刀 *一把刀
couteau py: tongsi kansi tongni tongsini kansini daozi caidao bishou daidao
couteau vi: dao đâm
couteau wo: paaka
couteau ln: mbeli mopanga
couteau cr: kouto kout manchèt koutla koutlas kanif sab
couteau cv: faka fakada fakadu
couteau hy: դանակ* danak danakov danaky
couteau tl: kathi kaththi kuthuven kuththuven kuthiduven kuthiduvom aruval aruvaa arivaal kuthuvaen kaththiya kathiya
couteau km: upanga mipanga chombo shombo
couteau bm: muru
couteau sw: kisu visu
couteau kab: tajenwit lmus
couteau ber: tuzzalt ajenwi
couteau ff: labi
couteau ce: урс урсаца урсах урсаш ursaca
couteau rom: čhuri churi čhurasa churasa čhurja churja
couteau br: kontell kontellioù
couteau eu: labana labanaz labanarekin aizto* nabaja
couteau ca: ganivet ganivets ganivetada* apunyalar* punyal navalla navalles
couteau co: cultellu cultelli stiletu
couteau oc: cotèl cotèls cotelada
couteau lb: messer
couteau bn: ছুরি* চাকু* চাপাতি* কাটব কোপাব কুপিয়ে
couteau hi: चाकू* छुरा छुरी
couteau ur: *چھری *چھرا *چاقو
couteau hng: chaku chaaku chakoo chhuri churi churra
couteau fil: kutsilyo patalim sasaksakin saksakin sinaksak saksak
couteau khm: *កាំបិត
couteau lo: *ມີດແທງ
couteau srn: nefi kapmes
couteau ty: tipi
couteau mg: antsy

brûler en: burn burning arson torch burned burnt torched
brûler es: quemar* incendi* gasolina quemo nafta bencina
brûler pt: queimar* incendi* gasolina queimo tacarfogo
brûler it: bruciar* brucer* incendi*
brûler de: verbrennen verbrenne anzünden abfackeln brandstift* abbrennen niederbrennen zünde abfackle brennt brenne brennen feuer
brûler nl: verbranden verbrand* brandstichting afbranden afbrand fik fikkie aansteken afgefikt
brûler pl: spalę spalić spalimy podpal* podpalę benzyn*
brûler ro: arde ard incendi* ardem ardeți benzină
brûler sq: djeg* dogj* zjarr digjet digjen djegim djegin
brûler sh: zapalit* zapalim spalit* spalim spaliću spalicu zapaliću zapalicu zapali* zapaljen* zapalimo spalimo
brûler sr: запалит* запалим спалит* спалим запали*
brûler ru: сожгу сжечь поджечь подожгу поджог* спалю бензин* сожжём подпалю спалим сгоришь сгорите sozhgu spalyu podozhgu sozhzhem сгор* подожг* подожжём подожжем sgorit sgoryat sgorish pozhar podozhgem
brûler uk: спалю спалити підпалю підпал* бензин* спалимо згориш згорите spalyu pidpalyu
brûler bg: изгоря* запаля подпаля палеж* опожаря бензин запалим изгорим изгори подпалим zapalq zapalia izgorq
brûler el: κάψω κάψουμε πυρπολ* εμπρησμ*
brûler gl: kapso kapsw kapsoume
brûler hu: felgyújt* gyújtogat* elégetem
brûler ka: *დავწვავ *გადავწვავ *დაწვავ *გადაწვ *ცეცხლ
brûler tr: yakacağım yakarım yakacağız kundak* benzin benzinle yakcam yakıcam yakarız yakcaz yakacaz yakıcaz
brûler ar: *احرق *سأحرق *حرق *إحراق *نحرق *البنزين
brûler dz: *نحرقك *نشعل *نحرقها *لبنزين
brûler az: n7r9ek n7r9ha n7rqek ncha3al n7ra9 n7r9kom nhr9ek nhar9ek n7arqek lbenzin ghan7r9ek n7r9lek n7ra9lek
brûler fa: *آتش *میسوزونم *بسوزونم misuzunam misozonam besozonam
brûler ps: *سوځوم
brûler ku: dişewitînim *دەسووتێنم
brûler ta: எரிப்பேன்* தீ வைப்பேன்* எரிக்க* கொளுத்து* எரிச்சிடுவேன்*
brûler zh: *烧死 *放火 *纵火 *烧掉 *燒死 *燒掉 *縱火 *泼汽油 *潑汽油 *浇汽油 *澆汽油 *烧你 *燒你 *一把火 *烧光 *燒光 *烧学校 *燒學校 *烧教室 *燒教室
brûler py: shaosi fanghuo zonghuo shaosini qiyou
brûler vi: đốt hỏa thiêu xăng
brûler wo: lakk
brûler ln: kotumba nakotumba kopelisa nakopelisa tokotumba kozika kozikisa nakozikisa tokozikisa ekozika
brûler cr: boule brile dife flanm flanmé lésans lesans zesans gazolin dofé difé brilé boulé
brûler cv: kema kemabu
brûler hy: այրել այրեմ կայրեմ կվառեմ հրդեհ* ayrel kayrem kvarem
brûler tl: erippen erichiduven koluthuven koluthiduven kolutthuven erichuduven erichuduvaen
brûler sw: tutachoma kuchoma nitachoma itaungua kuunguza nitaunguza tutaunguza nitakuchoma
brûler mg: handoro hodorana hodor* afo
brûler kab: adksreɣ adksregh
brûler bm: nbenaijeni tasuma
brûler ce: дагор дагийна дагийта дагийт* dagor dagiyna
brûler rom: phabarav phabarel phabardo phabarde phabar* thabarav thabarel xačarav hačarav
brûler br: devet entanañ devo deviñ entanin entanet esañs
brûler eu: erreko erretzea sutan erre erretzen
brûler ca: cremar cremaré cremarem cremarà incendiar* benzina encenedor
brûler co: brusgià brusgiaraghju brusgiaremu
brûler oc: cremar cremarai brutlar brutlarai
brûler lb: verbrennen ofbrennen ofgebrannt
brûler bn: পুড়িয়ে পোড়াব জ্বালিয়ে আগুন* পুড়বে পুড়বি পেট্রোল* জ্বালাব agun jalabo jaliye puriye
brûler hi: जला जलाऊंगा जलाएंगे आग
brûler ur: *جلادوں جلاؤں آگ *جلتا *جلتی *جلتے *جلادیں
brûler hng: jalaunga jaladunga jalaenge jala jalaa jalake jalado
brûler fil: susunugin sunugin sinunog sunog
brûler khm: *ដុត
brûler lo: *ຈູດໄຟ
brûler ff: yiite sumat
brûler srn: faya faja
brûler ty: auahi tutui

égorger en: behead* slaughter decapitat* slit throat executed
égorger es: degoll* decapit* degüell* ahorcar*
égorger pt: degol* decapit*
égorger it: decapit* sgozz*
égorger de: köpfen enthaupt* abschlachten kehle aufschlitzen
égorger nl: onthoofd* afslachten keel doorsnijden
égorger pl: ściąć zetnę zarżnę poderżnę dekapit* ścięc*
égorger ro: decapit* capul jungh*
égorger sq: ther therja therur kokëprerje kokepreje
égorger sh: zaklati zakoljem koljem odrubit* zaklaću zaklacu klanje
égorger sr: заклати закољем кољем одрубит*
égorger ru: отрежу обезглав* зарежу перережу горло глотку башку pererezhu казн* обезглавлен* отрезали
égorger uk: відріжу обезголов* переріжу горло горлянку pererizhu
égorger bg: обезглав* заколя
égorger el: αποκεφαλ* σφάξω σφάζω σφαγ*
égorger gl: sfakso sfaxo apokefalisw apokefaliso
égorger hu: lefejez* lemészárol*
égorger ka: მოგკვეთ *მოკვეთ *დაგკლავ
égorger tr: keseceğim boğazla* boğazını keserim kesicem gırtla*
égorger ar: *ذبح *اذبح *سأذبح *نذبح *يذبح
égorger dz: *نذبحك *نذبحكم *نقطعلك
égorger az: ndb7ek ndba7 nedb7ek ndb7kom dab7 deb7 ndbhek ndbhk ndba7ek ndbahek ndab7ek ghandb7ek
égorger fa: *سربریدن *ذبح
égorger ps: *حلالوم
égorger ku: serjêkirin *سەربڕین
égorger ta: வெட்டு* கழுத்தை அறுப்பேன்* அறுத்துடுவேன்*
égorger zh: *斩首 *砍头 *割喉 *斬首 *砍頭 *抹脖子 *割脖子 *宰了你 *砍头视频 *斩首视频 *砍頭視頻 *斬首視頻
égorger py: zhanshou kantou gehou mobozi gebozi kantoushipin

égorger wo: rendi
égorger ln: kokata kingo nakokata

égorger cv: korta kabesa
égorger hy: մորթել մորթեմ կմորթեմ գլխատ* կոկորդ* kmortem glxatel
égorger tl: vettuven vettiduven aruppen aruthuduven
égorger cr: dekapite
égorger sw: kuchinja nitakuchinja wanamchinja tutamchinja nitamchinja kumchinja amechinjwa walimchinja
égorger kab: ɣerseɣ ghersegh adkɣerseɣ adkghersegh
égorger rom: čhinav čhinel čhindo
égorger br: dibennañ dibennin dibennet
égorger eu: lepoa
égorger ca: degollar* decapitar*
égorger oc: degolhar* decapitar
égorger lb: ofschneiden
égorger bn: জবাই*
égorger hi: काटूंगा
égorger ur: *ذبح
égorger hng: zibah zabah katdunga kaatunga
égorger fil: pupugutan pugutan pugot gigilitan gilitan
égorger khm: *កាត់កបាល
égorger lo: *ຕັດຄໍ
égorger co: scannaraghju decapità

attaque en: attack attacks massacre* rampage shooting spree terrorist
attaque es: atentado* ataque* masacre* matanza atacar* masacrar*
attaque pt: atentado* ataque* massacre* chacina
attaque it: attentato* attacco attacchi strage stragi massacro massacrerò massacrare
attaque de: anschlag anschläge angriff* amoklauf* massaker blutbad messerangriff amokläufer amok
attaque nl: aanslag* aanval* bloedbad schietpartij
attaque pl: zamach* atak* masakr* rzeź
attaque ro: atentat* atac* masacru* măcel
attaque sq: sulm* atentat* masakër masaker*
attaque sh: napad* atentat* masakr* pokolj*
attaque sr: напад* атентат* масакр* покољ*
attaque ru: теракт* нападени* атак* резня массов* бойня колумбайн* скулшут* шутинг* нападу terakt napadenie kolumbain kolumbayn skulshut*
attaque uk: теракт* напад* атак* різанин* бійня колумбайн* скулшут* kolumbain kolumbayn
attaque bg: атентат* нападени* атака клане
attaque el: επίθεση επιθέσεις επιθεσ* τρομοκρατικ* μακελει* σφαγή
attaque gl: epithesi epithesh makeleio
attaque hu: merénylet* támadás* mészárlás*
attaque ka: *თავდასხმ *ტერაქტ *ხოცვა *ჟლეტ
attaque tr: saldırı* saldıracağ* katliam* baskın* basacağım basacağız basıcaz basıcam basicam
attaque ar: *هجوم استشهادية *غزوة *مجزرة *هجمة *اعتداء
attaque dz: *نهجمو *هجوم *غزوة
attaque az: hojom hjoum ghazwa majzara
attaque fa: *حمله *کشتار *قتل
attaque ps: *برید *حمله *انتحاري
attaque ku: êriş *هێرش *کۆمەڵکوژی
attaque ta: தாக்குதல்* படுகொலை* தாக்குவேன்* தாக்குவோம்*
attaque zh: *袭击 *屠杀 *恐袭 *攻击学校 *襲擊 *屠殺 *血洗 *砍杀 *砍殺 *报复社会 *報復社會
attaque py: xiji tusha kongxi baofushehui

attaque wo: songu
attaque ln: kobundisa bitumba etumba
attaque cr: atak masak atake
attaque cv: atake masakri
attaque hy: հարձակ* կոտորած* ջարդ hardzakum harcakum kotorac kotorats
attaque tl: thakkuthal thaakkuthal thakkuven thaakkuven
attaque sw: shambulio mashambulizi shambulizi shambul* tutaishambulia
attaque mg: fanafihana
attaque ce: тӏелатар тӏелетта телатар
attaque rom: atentati atentato
attaque br: argadenn argadennoù argadiñ
attaque eu: eraso* atentatu*
attaque ca: atemptat* atac massacre
attaque co: attaccu attentatu
attaque oc: atemptat
attaque lb: attentat
attaque bn: হামলা* আক্রমণ*
attaque hi: हमला* हमले
attaque ur: *حملہ *حملے
attaque hng: hamla humla hamlaa hamle
attaque fil: atake sasalakay salakay
attaque khm: *វាយប្រហារ
attaque lo: *ໂຈມຕີ

arme en: weapon* armed ammunition blicky
arme es: armas armado* municion* pistola* escopeta* chumbo armamento
arme pt: armas armado* munição municao
arme it: armi armato* munizion*
arme de: waffe waffen bewaffnet* munition
arme nl: wapen wapens gewapend* munitie
arme pl: broń bronią broni uzbrojon* amunicj*
arme ro: armă arma armele înarmat* muniți*
arme sq: armë armatos* municion* plumba plumbat
arme sh: oružje oruzje oružjem naoružan* municij*
arme sr: оружје оружјем наоружан* муниција
arme ru: оружие оружием вооружён* вооружен* патрон* оружия ствола травмат травмата травматом травматы oruzhie oruzhiye oruzhiem stvol patrony
arme uk: зброя зброю зброєю озброєн* набої зброї набоїв патрон* zbroya zbroyu zbroia
arme bg: оръжие оръжия въоръжен* муниции
arme el: οπλισμένος οπλισμ* πυρομαχικ*
arme gl: oplismenos opla
arme hu: fegyveres fegyverrel lőszer*
arme ka: *იარაღ
arme tr: silahlı silahla cephane* silah* tabanca* mermi mermiler
arme ar: *سلاح *اسلحة *أسلحة *ذخيرة *مسلح
arme dz: *سلاح *سلاحي
arme az: sla7 sila7 slah sila7i mkohla lmkohla
arme fa: *سلاح *اسلحه *مسلح *مهمات aslahe
arme ps: *وسله *وسلې
arme ku: çekdar *چەک
arme ta: ஆயுதம்* ஆயுதங்கள்*
arme zh: *武器 *枪支 *弹药 *子弹 *子彈 *槍支 *彈藥 *枪械 *槍械 *猎枪 *獵槍 *土枪
arme py: wuqi qiangzhi danyao zidan qiangxie lieqiang

arme wo: ngànnaay
arme ln: bibundeli
arme cr: zam zanm zarm katouch
arme cv: arma
arme hy: զենք զենքը զենքով զենքեր* զինված* փամփուշտ* zenq zenqov zinvac
arme tl: aayudham ayutham aayutham
arme sw: silaha
arme ce: герз герзаца герзаш gerz
arme rom: armi oružje
arme br: armoù armet
arme eu: armak armatuta
arme ca: armat armats
arme co: arme armatu
arme oc: armas armat
arme lb: waff waffen
arme bn: অস্ত্র*
arme hi: हथियार*
arme ur: *ہتھیار *اسلحہ
arme hng: hathiyar hathyar aslaha
arme fil: armas sandata
arme khm: *អាវុធ
arme lo: *ອາວຸດ

mort en: dead death blood corpse* funeral bleed bleeding
mort es: muerte muertos muertas morir morirás sangre cadáver* cadaver* muérete muerete muéranse morirán desangr* muerta muerto muere difunto ataúd sangrar sangrarás sangraras
mort pt: morte mortos morrer morrerás sangue cadáver* cadaver* morrerão morto morta mortas sangrar defunto caixão sangrarás sangraras sangrando
mort it: morte morti morirai morire sangue cadaver* crepare muori sanguinare sanguinerai sanguinerà
mort de: tod tot tote toten sterben stirbst blut leiche* leichen stirb krepier* verreck* bluten blutest blutend
mort nl: dood doden sterven sterft bloed lijk lijken bloeden bloedt bloedend
mort pl: śmierć smierc martwy martwi martwa zginiesz umrzesz krew zwłoki trup trupy trupem trupa zdechniesz zdechnij zdychaj zgiń krwi krwią śmierci
mort ro: moarte morți morti muri mori sânge sange cadavr* crăpi crapi moartă moarta sângele sangele moartea sicriu morții crapa sângera sangera sângerezi sangerezi
mort sq: vdekje vdekur vdes vdisni gjak kufom* vdeksh vdiq vdesësh gjaku gjakun
mort sh: smrt mrtav mrtvi mrtva umrijet* umreti umrećeš krv krvi leš leševi crkni crkneš crknes crkao umrijećeš
mort sr: смрт мртав мртви умрет* умријет* крв лешеви
mort ru: смерть смерти мёртв* мертв* умрёшь умрешь умрёте сдохн* кровь крови труп* умри умрите подохн* здохн* гроб гробу могил* похорон* smert sdohni sdokhni sdohn* sdokhn* umresh umryosh mertv* mogila mogilu
mort uk: смерть мертв* помреш здохн* кров крові труп* помри помріть помрете смерті кровю могил* поховаю труну zdokhnesh zdohnesh zdokhni zdohni pomresh
mort bg: смърт мъртъв мъртви умреш кръв трупове умри умрете мъртва смъртта кръвта пукнеш труп трупа umresh umri umrete smurt
mort el: θάνατος θάνατο νεκρός νεκροί νεκρ* πεθάνεις πεθάνετε αίμα πτώμα*
mort gl: thanatos thanato nekros nekroi petheneis aima ptwma ptoma
mort hu: halál halott halottak meghalsz meghaltok vér vérbe hulla
mort ka: *სიკვდილ *მოკვდები *მკვდარ *სისხლ *გვამ *მოკვდი mokvdebi
mort tr: ölüm ölü ölüler öleceksin öleceksiniz kan kanlar ceset* geber gebereceksin gebercen gebersin ölcen ölceksin kanını mezar* cenaze* ölücen olucen gebercek
mort ar: *الموت *ستموت *ستموتون *ميت *اموات *جثث *جثة *الدم *دماء
mort dz: *غتموت *تموتو *الموت *لموت *الدم
mort az: tmout mout lmout ghatmout mayt lmot tmot tmoutou ghatmouti lmawt ghatmot ghatmoti ghaditmout ghatmoutou
mort fa: *مرگ *میمیری *میمیرید *مرده *جسد *خون mimiri bemir khoon
mort ps: *مرګ *وینه *مړی مړ مړه
mort ku: mirin mirî xwîn *مردن *خوێن bimre bimri bimirî
mort ta: சாவு* மரணம்* இரத்தம்* சாகப்போகிறாய்* செத்து* பிணம்* ரத்தம்*
mort zh: *死吧 *去死 *都得死 *死定 *血流 *尸体 *死全家 *找死 *死路一条 *死路一條 *屍體 *血债 *血債 *收尸 *收屍 *陪葬 *去死吧 *同归于尽 *同歸於盡
mort py: qusi sibei dedesi siding xueliu siquanjia zhaosi dengsi peizang qusiba nisile
mort vi: chết máu xác chet chêt
mort wo: dee deewu deet dingadee
mort ln: kokufa okokufa makila liwa bokokufa akufi bakufi
mort bm: saya ibenasa
mort cr: mouri lanmò kadav mor lamor lanmo
mort cv: morti mori sangi mortu
mort hy: մահ մահը մահվան մեռնել կմեռնես կմեռնեք կսատկես սատկի սատկես արյուն* դիակ* kmernes ksatkes satki aryun
mort tl: saavu sethuru sethuduva seththuduva saagapora sagapora sethupo ratham raththam pinam maranam sethuruva
mort sk: kalle kallen
mort ce: валар лийр лийна велла йелла цӏий велларг valar liyr
mort rom: merena meripe ratvalo merav merel
mort br: marv marvet mervel mervi maro gwad
mort eu: heriotza hilda hilko hilik odol odola gorpu*
mort ca: morir moriràs moriran morirà morireu
mort co: morti moriri sangue
mort oc: morir moriràn morirà moriràs
mort lb: doud dout stierwen bluddeg
mort bn: মৃত্যু* মরবি মরবে মরে রক্ত* লাশ
mort hi: मौत मरेगा मरेगी मरोगे मरेंगे खून ख़ून लाश
mort ur: مروگے موت لاش لاشیں
mort hng: maut marega maroge marjayega marjaoge khoon laash
mort fil: mamamatay mamatay patay dugo bangkay
mort khm: *ស្លាប់ *ឈាម *ងាប់
mort lo: *ຕາຍ *ເລືອດ
mort sw: kufa utakufa mtakufa damu
mort mg: maty faty
mort srn: dede dedeman
mort ty: pohe

frapper en: beat beating punch bash bleed bleeding punched beaten
frapper es: pegarte pegarle pegaros pegaré pegaremos paliza golpear* golpiza reventar* reviento revientan partirte madrazo* madrear* putazo* guantazo* bofetad* puñetazo* trompad* cachetad* putiza vergazo* chingadazo* romperte
frapper pt: bater surra porrada espancar* bato soco socos socar porradas pancada* sova tareia arrebent* espanco
frapper it: picchiar* pestar* botte menare spaccherò mazzate
frapper de: schlagen schlage verprügel* zusammenschlagen prügel* vermöbel* verhauen verhau* verhäu* verdresch* verkloppen verklopp* priggel* schlaj schlaa schlaan
frapper nl: slaan aframmel* kapotslaan sla slaat sloeg geslagen slaag afranselen afgeranseld aftuigen afgetuigd neerslaan kapotmaken inmekaar ineenslaan
frapper pl: pobiję pobić zbiję zbić wpierdol* wpierdziel* naklepię najebię napierdolę spiorę obiję połamię skopię rozkwaszę jebnę pierdolnę rozwalę rozjebię zapierdol*
frapper ro: bat bătaie bataie snopesc snop* caftesc cafteală pocnesc sparg pumni pumn zdrobesc măcelăresc
frapper sq: rrahje rrah rrahur zhdep* godit* rrihni rrihet
frapper sh: prebit* prebiti premlati* istuć* izudaram razbiću razbicu prebiću prebicu prebili prebijemo prebijem pretući pretuci istući istuci izmlatit* razbijem razbijemo razbili mlatit*
frapper sr: пребит* премлати* истућ* пребили пребијемо претући истући
frapper ru: изобью избить побью побить отпизж* отхуяр* уебу въебу сломаю вломим покалечу проучить вломлю врежу отметелю отмудохаю разобью изобьём пиздюлей набью izobyu pobyu otpizzhu otpizhu slomayu pokalechu vrezhu otmetelyu
frapper uk: поб'ю побю відлуплю зламаю покалічу набю розібю вріжу поламаю відгамселю побити побємо відмудохаю pobyu vidluplyu vidmudohayu
frapper bg: пребия набия бой смачкам размажа счупя натупам спукам шамар* пребием пребият prebiem prebiq nabiem
frapper el: δείρω ξυλοδαρμ* ξύλο
frapper gl: deirw deiro ksylo ksilo
frapper hu: megver* összever* verés*
frapper ka: *გცემ *ვცემ *ცემა *ჩაგარტყ *გაგლახ *გალახ gcem
frapper tr: döveceğim dövecek* döverim dayak dövcem dövücem döveriz döveceğiz patakla* kırarım kırcam tokatla* tokadı yumruk* ezerim dövcez dövücez
frapper ar: *سأضرب *اضربك *سأضربك *ضرب مبرح
frapper dz: *نضربك *نطيحك *نكسرلك *نهرسك
frapper az: ndrbek nedrbek ndrebk nkasarlek nhrsek nhersek nedrebk ndrabek ndrbk nderbek nkhbtek nkhebtek
frapper fa: *میزنمت *بزنمت *کتک mizanamet mizanam bezanamet
frapper ps: *وهم
frapper ku: lêdidim *لێت دەدەم
frapper ta: அடிப்பேன்* அடி உதை அடிச்சிடுவேன் அடிச்சுடுவேன் உதைப்பேன்* மிதிப்பேன்*
frapper zh: *打死 *揍死 *暴打 *打你 *揍你 *打残 *打殘 *打断你 *打斷你 *弄残 *弄殘 *扁你 *群殴 *群毆 *暴揍 *往死里打 *往死裡打 *揍一 *揍他 *揍她 *打一顿 *打一頓 *痛打 *毒打 *打进医院 *打進醫院
frapper py: dasi zousi dacan dasini zousini bianni qunou wangsilida
frapper vi: đánh đập đấm uýnh
frapper ln: kobeta nakobeta nakozokisa kozokisa babeti abeti
frapper cr: bat bimen kraze goumen kalòt kou kraz krazé kogné batay fouté tap démoli démonté fann
frapper cv: spanka sotabu
frapper hy: ծեծել ծեծեմ կծեծեմ խփել խփեմ կխփեմ կջարդեմ tsetsel ktsetsem kcecem kxpem kkhpem kjardem
frapper tl: adipen adippen adichiduven adichuduven odhaipen othaipen uthaipen uthaippen mithipen adipaen adichuduvaen adichiduvaen
frapper km: urema
frapper bm: bugo bugɔ gosi gosira
frapper ce: етта еттор йиттина еттина детта yetta
frapper rom: maras marav marde maradilo
frapper br: skeiñ skoin skoet flastrañ kannañ kannin kannet torrin terriñ derriñ
frapper eu: jipoitu* jipoia kolpatu* jotzen astinduko kolpeak kolpez
frapper ca: pegaré pallissa apallissar* rebentaré trenco trencaré trencar pego pegarem hostiaré
frapper co: picchjà picchjaraghju
frapper oc: tustar tustarai tabassar tabassarai
frapper lb: schloen zerschloen verschloen zesummeschloen verkloppen
frapper bn: পেটাব পিটিয়ে মারধর* পিটাব pitabo pitamu
frapper hi: पीटूंगा पीटेंगे पिटाई धुनाई कूटेंगे तोड़
frapper ur: *پیٹوں *دھلائی *پٹائی
frapper hng: peetunga pitunga pitai dhulai dhunai kutai thokunga todunga
frapper fil: bubugbugin bugbugin binugbog bugbog suntukin sasapakin sapakin gulpihin sasaktan saktan sinaktan
frapper khm: *ដាល់ *វាយឯង *វាយវា *វាយឲ្យ *វាយសម្លាប់
frapper lo: *ທຸບຕີ *ຕີມຶງ *ຕີໃຫ້ຕາຍ
frapper sw: nitakupiga tutakupiga kumpiga nitampiga tutampiga atakupiga tunampiga tumpige mpige
frapper mg: hokapohiko hokapohina kapohina mikapoka hodarohiko daroka kapoh* nokapoh*
frapper ff: fiyat fiyde fiyan fiyataa
frapper srn: fon naki feti
frapper ty: taparahi

menace en: threat threaten revenge warned
menace es: amenaza* venganza vengaré verás pagarás arrepentirás arrepentir* cuidadito vengar* verán amenaz*
menace pt: ameaça* ameaca* vingança vingar* pagarás arrepender* arrependerás
menace it: minacci* vendetta vendicher* vedrai pagherai pentirai rovinerò
menace de: drohung* bedroh* rache rächen bereuen drohe
menace nl: bedreig* wraak spijt
menace pl: grożę groźb* zemst* zobaczysz zapłacisz pożałujesz załatwię dorwę dopadnę popamiętasz ostrzegam
menace ro: amenințare amenint* amenin* răzbunare razbun* regreți regreti pedepsesc
menace sq: kërcënim* kercenim* hakmarrje shohësh paguash kërcënoj kercenoj hakmerrem paralajm*
menace sh: prijetnj* pretnj* osveta osvetit* vidjećeš videćeš platićeš platit
menace sr: претњ* претим освета осветит* видећеш платићеш
menace ru: угроз* угрожа* месть отомщ* отомщу пожалеешь увидишь заплатишь ответишь берегись хана кранты поплатишься пожалеете pozhaleesh uvidish otvetish poplatishsya beregis kranty otomshchu otomshu ugroza предупреждаю preduprezhdayu pozhaleete
menace uk: погроз* помста помщу пожалкуєш побачиш заплатиш пошкодуєш поплатишся стережися капець хана відповіси помщуся pozhalkuyesh pomshchus pomshchu
menace bg: заплах* отмъщение видиш платиш съжаляваш отмъстя заплаш*
menace el: απειλ* εκδίκηση εκδικη* πληρώσεις μετανιώσεις
menace gl: apeili ekdikisi plhroseis pliroseis
menace hu: fenyeget* bosszú* megbánod meglátod megfizetsz
menace ka: *მუქარ *შურისძიებ *ნახავ *გადაიხდი *ინანებ *გაგისწორდ
menace tr: tehdit* intikam* pişman göreceksin ödeyeceksin göreceksiniz görürsün görcen bitiririm mahvederim mahvedeceğim hesaplaşacağız yaşatmam yaşatmayacağım görücen gorucen görceksin yaşatmıcam
menace ar: *تهديد *انتقام *ستندم *سترى *ستدفع *ستدفعون سالما
menace dz: *غتشوف *تشوفو *غتندم *غتخلص
menace az: ghatchouf ghatchof tchouf tchofo ghatnedm ghatkhless tnedem ghatshouf ghatchofi ghatnedem ghatndem
menace fa: *تهدید *انتقام *میبینی *پشیمون *تاوانشو tahdid entegham enteqam entekam
menace ps: *ګواښ غچ
menace ku: tehdîd tol *هەڕەشە *تۆڵە
menace ta: மிரட்டல்* பழிவாங்க* பார்ப்பாய்*
menace zh: *威胁 *报复 *你等着 *走着瞧 *后悔 *威脅 *報復 *你等著 *走著瞧 *給我等著 *给我等着 *有你好看 *要你好看 *饶不了 *饒不了 *收拾你 *别怪我 *別怪我 *跑不掉 *跑不了 *逃不掉 *逃不了 *你小心点 *你小心點 *你们小心点 *放学别走 *放學別走 *报仇 *報仇
menace py: weixie baofu dengzhe zouzheqiao geiwodengzhe nidengzhe younihaokan yaonihaokan raobuliao shoushini xiulini baochou
menace vi: dọa
menace wo: dinga
menace ln: okomona okofuta okoyoka
menace hy: սպառնալ* սպառնում կզղջաս կտեսնես վրեժխնդ* վրիժառու* kzxjas kzghjas ktesnes
menace tl: mirattal miratal palivanguven pazhivanguven
menace cr: menase menas vanjans vanje
menace ce: кхерам кхерамаш
menace rom: dikhesa
menace br: gourdrouz gourdrouzañ gourdrouzin
menace eu: mehatxu* mendeku* damutuko
menace ca: amenaça amenaces venjança penediràs pagaràs
menace co: minaccia vindetta
menace oc: menaça venjança
menace lb: menacéieren
menace bn: হুমকি* প্রতিশোধ*
menace hi: धमकी* बदला पछताओगे पछताएगा
menace ur: *دھمکی *بدلہ *پچھتاؤ
menace hng: dhamki dhamkee pachtaoge pachtayega dekhlunga chhodunga dekhlena anjaam anjam bhugatna bhugtoge bhugtega bhugatoge
menace fil: banta pagbabayaran magbabayad humanda gaganti abangan aabangan inabangan
menace khm: *គំរាម
menace lo: *ຂົ່ມຂູ່
menace sw: utajuta mtajuta
menace srn: warskow



école en: school schools classroom teacher teachers pupils students campus
école es: escuela* colegio* instituto* profesor* alumnos clase aula secundaria* liceo maestra insti
école pt: escola* colégio* colegio* professor* alunos aula liceu turma diretor diretora aluno aluna alunas
école it: scuola* liceo* professor* insegnant* alunni studenti classe aula scuole
école de: schule* gymnasium* lehrer* schüler* klassenzimmer* klasse kantine* mensa turnhalle* klassenfahrt* schulbus* schüel schuel schul schulhof pausenhof klassenkamerad* mitschüler*
école nl: school scholen leraar* leerling* klaslokaal klas kantine gymzaal schoolreis* schoolbus school* refter sporthal turnzaal speelplaats klasgenoot* leerkracht* juf juffrouw schoolpoort
école pl: szkoł* szkole nauczyciel* uczni* klasa klasie lekcj* wychowawc* dyrektor*
école ro: școal* scoal* școli liceu* profesor* elevi* clasa colegiu* gimnazi* dirigint* profa proful directoare directorul
école sq: shkoll* mësues* nxënës* klasë kolegj* gjimnaz* mensë mense mensa palestër palestra ekskursion* mësim* mesim* klasën klases klasës klasa liceu liceun shkollës
école sh: škol* skol* nastavni* učenik* ucenik* razred* kantin* menz* fiskultur* ekskurzij* časova casova priredb* gimnazij*
école sr: школ* наставни* учени* разред* кантин* менза физкултур* екскурзиј* часа часова приредб*
école ru: школ* учител* учени* класс* лицей лицее лицея колледж* гимнази* лицеи урок* училк* директрис* shkol* uchitel* uchilka urok спортзал* столов* экскурси* автобус* физр* sportzal* stolov* kolledzh* kolledj* licei litsei ekskursi*
école uk: школ* вчител* учні учнів клас* ліцей ліцею ліцеї коледж* гімназі* урок* учень учениця vchytel* vchitel* їдальн* спортзал* автобус* екскурсі*
école bg: училищ* учител* ученици клас* даскал* столов* физкултур* екскурзи* автобус* uchilisht* uchili6t* klasa klasat
école el: σχολείο σχολεί* σχολι* δάσκαλ* καθηγητ* μαθητ* τάξη
école gl: sxoleio sxolio sholeio sxoleia daskal* kathigit* mathit*
école hu: iskol* tanár* diák* osztály*
école ka: *სკოლ *მასწავლებ *მოსწავლ *კლას *გაკვეთილ *დირექტორ skolashi
école tr: okul* öğretmen* öğrenci* sınıf* hoca* lisede liseye liseli lisesi dersi derste mektep dershane
école ar: *مدرسة *المدرس *مدارس *الأساتذة *الاستاذ *التلاميذ *الطلاب *القسم *الفصل *ثانوية *إعدادية
école dz: *لمدرسة *ليسي *لكوليج *القسم *التلاميذ *لبروف
école az: lmadrasa lmdrasa madrasa mdrasa lycee likoli lycée kolij lkolij lprof lmdrsa lmdersa
école fa: *مدرسه *معلم *دانشآموز *کلاس madrese maktab
école ps: *ښوونځي *ښوونځی *مکتب *ښوونکي
école ku: dibistan xwendekar mamoste *قوتابخانە *مامۆستا
école ta: பள்ளி* பள்ளிக்கூடம்* ஆசிரியர்* மாணவர்கள்* வகுப்பு* வாத்தியார்* ஸ்கூல்* வகுப்பறை*
école zh: *学校 *學校 *老师 *學生 *学生 *教室 *课堂 *班主任 *校长 *校長 *同学 *同學 *小学 *小學 *高中生 *上高中 *读高中 *讀高中 *初中 *操场 *操場 *老師 *食堂 *体育馆 *體育館 *校车 *校車 *春游 *秋游 *实验室 *實驗室 *校门口 *校門口
école py: xuexiao laoshi xuesheng jiaoshi xiaozhang banzhuren tongxue zhongxue xiaoxue gaozhong chuzhong caochang shitang tiyuguan xiaoche
école vi: trường học lớp thầy
école wo: daara jàngukaay jàngalekat ndongo lekool
école ln: eteyelo kelasi molakisi
école bm: lekɔli karamɔgɔ kalanden kalanso lakoli lakɔli
école cr: lekòl lekol lékol pwofesè elèv kantin gymnaz lékòl sikoo lakantin kolèj kolej pwof lakou klas métrès direktè
école cv: skola profesor alunu
école hy: դպրոց* ուսուցչ* ուսուցիչ* աշակերտ* դասարան* դաս dproc* dprots* ashakert* dasaran*
école tl: palli pallikoodam vaathiyar vathiyar
école sk: xarala
école km: likoli licoli shioni
école ce: ишкол* хьехархо* дешархо* ishkol* shkolah
école rom: škola skola sikljovne sičarne sicharne sikavno sikavni klasa
école br: skolaj skoliad skolidi kelenner kelennerien skol-veur skol skolioù kelennerez kelennerezed klas preti skolajiz
école eu: eskola eskolan eskolara ikastola* ikastetxe* irakasle* ikasle* gela gelan jantoki* kolegio* institutu*
école ca: escola escoles insti alumnes menjador gimnàs professors professora mestra mestres esbarjo
école co: scola scole prufessore scularu scolari cullegiu liceu maestru prufessori
école oc: escòla escòlas collègi colègi licèu professors mèstre mèstra escolans
école lb: schoul schoulen schüler léierin schoulhaff léierer klass kantin schoulbus
école bn: স্কুল* বিদ্যালয়* ক্লাস* শিক্ষক* ক্যান্টিন*
école hi: स्कूल* विद्यालय* कक्षा क्लास टीचर कैंटीन
école ur: *سکول *اسکول *کلاس *استاد *کینٹین *مدرسہ
école hng: skool iskool madrasa kaksha ustaad ustad
école fil: paaralan eskwela eskwelahan iskul klase guro kantina titser
école khm: *សាលា *ថ្នាក់រៀន *លោកគ្រូ *អ្នកគ្រូ
école lo: *ໂຮງຮຽນ *ຫ້ອງຮຽນ *ຄູສອນ *ເລີກຮຽນ
école mg: mpampianatra mpianatra sekoly
école ff: lekkol janngirde jannginoowo
école srn: skoro skoropikin leriman
école ty: haapiiraa orometua
école sw: shule shuleni mwalimu walimu

moment en: tomorrow today tonight o'clock monday tuesday wednesday thursday friday tmrw tmr 2moro 2morrow tmrrw
moment es: mañana manana hoy noche lunes martes miércoles jueves viernes recreo ahorita tarde
moment pt: amanhã amanha hoje noite segunda terça quarta quinta sexta manhã tarde recreio intervalo
moment it: domani oggi stasera lunedì martedì mercoledì giovedì venerdì stamattina stanotte dopodomani ricreazione
moment de: morgen heute heut montag dienstag mittwoch donnerstag freitag uhr übermorgen samstag sonntag morn friddi fritig nachher
moment nl: morgen vandaag vanavond maandag dinsdag woensdag donderdag vrijdag zaterdag zondag straks vanmiddag vannacht morgenvroeg morgenochtend
moment pl: jutro dzisiaj dziś jutra poniedziałek wtorek środa czwartek piątek godzinie rano wieczorem środę sobotę niedzielę
moment ro: mâine maine azi astăzi luni marți miercuri joi vineri diseară diseara dimineață dimineata pauză pauza poimâine
moment sq: nesër neser sonte nesre premten enjten hënën henen mërkurën merkuren
moment sh: sutra danas večeras veceras ponedjeljak utorak srijeda četvrtak petak petka petku ponedjeljka poslije
moment sr: сутра данас вечерас понедељак уторак среда четвртак петак петка петку
moment ru: завтра сегодня вечером понедельник вторник среду четверг пятницу часов субботу воскресенье утром послезавтра перемене zavtra segodnya sevodnya vecherom utrom poslezavtra peremene пятниц* pyatnic* pyatnits*
moment uk: завтра сьогодні ввечері понеділок вівторок середу четвер п'ятницю суботу неділю пятницю вранці вночі післязавтра перерві sohodni syogodni vvecheri
moment bg: утре днес довечера понеделник вторник сряда четвъртък петък сутринта utre petuk petak
moment el: αύριο σήμερα απόψε δευτέρα τρίτη τετάρτη πέμπτη παρασκευή
moment gl: avrio aurio simera apopse deftera triti tetarti pempti paraskevi
moment hu: holnap ma hétfő kedd szerda csütörtök péntek órakor
moment ka: *ხვალ *დღეს *ამაღამ *ორშაბათ *ხუთშაბათ *პარასკევ *შაბათ *დილით *საღამოს xval
moment tr: yarın yarin bugün bugun akşam pazartesi salı çarşamba perşembe cuma teneffüs* sabah öğlen gece yarına
moment ar: *غدا *غداً *اليوم *الليلة *الساعة *الجمعة *الاثنين *الخميس
moment dz: *غدوة *غدا *ليوم *لبارح ليلة
moment az: ghdwa ghedwa ghodwa ghadwa lyoum lyouma lyom ghdoua ghedoua
moment fa: *فردا *امروز *امشب *ساعت emruz emshab
moment ps: *سبا شپه نن
moment ku: sibê îro îşev *بەیانی *ئەمڕۆ
moment ta: நாளை* இன்று* இன்றிரவு* மணிக்கு* காலையில்* இன்னைக்கு*
moment zh: *明天 *今天 *今晚 *点钟 *星期五 *周五 *明早 *明晚 *后天 *後天 *下周 *下週 *周一 *周二 *周三 *周四 *星期一 *星期二 *星期三 *星期四 *放学后 *放學後 *下课后 *下課後 *礼拜五 *禮拜五
moment py: mingtian jintian jinwan houtian mingzao mingwan xiazhou zhouyi zhouer zhousan zhousi zhouwu xingqiyi xingqier xingqisan xingqisi xingqiwu fangxue fangxuehou xiakehou libaiwu

moment wo: ëllëg tey guddi suba elleg ellég
moment ln: lobi lelo butu
moment bm: sini
moment cr: demen dimen jodi aswè denmen lendi mèkredi vandredi samdi dimanch domin aprémidi aprèmidi jodla tamaa zordi lannuit lannwit aswar oswa koméla konnyéla kounyéla atjèlman maten jédi madi sanmdi vandrèdi swar
moment cv: manhan oji manham
moment hy: վաղը վաղն այսօր երեկոյան երկուշաբթի երեքշաբթի չորեքշաբթի հինգշաբթի ուրբաթ vaxy vaghy aysor
moment tl: naalaiku naalaikku naliku nalaiki naalai innaiku inniku innikku indru raathiri rathiri kaalaila naalaikki
moment vi: hôm ngaymai homnay tối chiều ngày
moment ce: кхана пӏераска пӏераскан kxana qxana
moment rom: tehara teharin paraskevi
moment br: warchoazh hiziv digwener warc fenoz disadorn dilun dimeurzh diriaou disul
moment eu: bihar gaur ostiral* astelehen* asteazken* larunbat* igande* astearte*
moment ca: demà avui divendres dilluns dimarts dimecres dijous dissabte diumenge
moment co: dumane oghje venneri stasera dumani sabbatu luni marti marcuri ghjovi dumenica
moment oc: deman doman uèi divendres dimenge dissabte diluns dimars dimècres dijòus anuèch
moment lb: muer freideg méindeg dënschdeg mëttwoch donneschdeg samschdeg sonndeg
moment bn: আগামীকাল কাল শুক্রবার আজ shukrobar
moment hi: कल शुक्रवार परसों
moment ur: *جمعہ
moment hng: kal jumma shukrawar chutti subah
moment fil: bukas mamaya biyernes
moment khm: *ស្អែក *ថ្ងៃសុក្រ
moment lo: *ມື້ອື່ນ *ວັນສຸກ
moment sw: kesho jioni usiku ijumaa jumatatu jumanne
moment mg: rahampitso androany alina zoma alatsinainy alarobia alakamisy asabotsy alahady
moment ff: jango hannde jemma
moment srn: tamara tineti
moment ty: ananahi
moment km: meso mesho

tous en: everyone everybody nobody alive survive
tous es: todos todas nadie vivo vivos sobrevivirá ninguno
tous pt: todos todas ninguém ninguem vivo vivos
tous it: tutti nessuno vivo vivi sopravviverà
tous de: alle allen niemand lebend überlebt alli jeder jeden
tous nl: iedereen niemand levend overleeft allemaal
tous pl: wszyscy wszystkich nikt żywy przeżyje wszystkim nikogo każdego
tous ro: toți toti nimeni viu vii supraviețui* tuturor
tous sq: gjithë askush gjallë gjithe gjithëve gjitheve secili
tous sh: svi sve niko nitko živ živi preživjet* svima svih svakog svakome
tous sr: сви све нико жив живи свима свих
tous ru: всех все всем никто живым живой выживет никого живых выживших vseh vsekh nikto zhivym nikogo vsem
tous uk: всіх усіх всі ніхто живим живий нікого кожного живих vsikh vsih usih
tous bg: всички никой жив живи всичките никого всеки vsichki vsi4ki v6ichki vseki jiv jivi
tous el: όλους όλοι όλες κανένας κανείς ζωντανός ζωντανοί
tous gl: olous oloi kaneis kanenas zwntanos zontanos
tous hu: mindenki mindenkit senki élve életben
tous ka: *ყველა *ყველას *ვერავინ *ცოცხალ
tous tr: herkes herkesi hepiniz hepinizi kimse canlı hepsini kimseyi herkese
tous ar: *الجميع *جميعا *كلكم *أحياء
tous dz: *كاملين قاع *كلشي
tous az: kamlin ga3 gae kolchi kamelin ga3kom kolkom
tous fa: *همه *همتون *هیچکس *زنده hamatoon hamaro
tous ps: *ټول *ټولو *هیڅوک
tous ku: hemû *هەموو
tous ta: எல்லோரும்* எல்லாரையும்* யாரும்* எல்லாரும்*
tous zh: *所有人 *全部 *一个不留 *一个都 *全校 *全班 *一个不剩 *一個不剩 *一個不留 *所有的人 *统统 *統統 *大家 *全体 *全體
tous py: suoyouren quanbu quanxiao quanban tongtong yigebuliu dajia quanti

tous wo: ñépp ñoom dund
tous ln: bino nyonso banso
tous cr: pèsonn vivan vivant pyès pyes pèson domoun tout-moun toutmoun viv
tous cv: tudu ningen
tous hy: բոլորին բոլորը բոլորդ բոլոր bolorin bolory
tous tl: ellarum ellaraiyum ellaraum ellorum yaarum
tous vi: tất tấtcả tatca mọi
tous ce: массо массарна массеран massarna
tous rom: sarenge saren sarren savorenge savore savorre
tous br: razh holl
tous eu: denak denok guztiak guztiok denei guztiei guztientzat
tous ca: tothom tots totes ningú
tous co: tutti nimu
tous oc: totes tothom degun toei totei totas
tous lb: jiddereen alleguer jiddwereen
tous bn: সবাই* সবাইকে সবকটা sobai sobaike shobai
tous hi: सबको सभी सबके ज़िंदा जिंदा सब
tous ur: سب *سبکو *سبھی *سارے زندہ
tous hng: sabko sabhi sabke saare sabka zinda
tous fil: lahat kayong
tous khm: *ទាំងអស់ *គ្រប់គ្នា
tous lo: *ທຸກຄົນ
tous sw: wote
tous mg: velona rehetra
tous ff: fof
tous srn: alasma
tous ty: paatoa pauroa

terreur en: isis daesh jihad* mujahid* caliphate khilafah martyr* infidel* kuffar kafir* shahid inghimasi
terreur es: yihad* muyahid* califato mártir* martir* infiel*
terreur pt: jihad* mujahid* califado mártir* infiéis infieis
terreur it: jihad* mujahid* califfato martir* infedel*
terreur de: dschihad* mudschahid* kalifat* märtyrer* ungläubig*
terreur nl: jihad* moedjahed* kalifaat martelaar* ongelovig*
terreur pl: dżihad* dzihad* mudżahedi* kalifat* męczenni* niewiern*
terreur ro: jihad* califat* martir* necredincio*
terreur sq: xhihad* muxhahid* kalifat* dëshmor* pabesimtar* dawla dawles dawlës kafirat shehid*
terreur sh: džihad* dzihad* mudžahid* mudzahid* kalifat* šehid* sehid* nevjernic* šehidi sehidi isil
terreur sr: џихад* муџахид* калифат* шехид* шехиди
terreur ru: джихад* моджахед* муджахид* халифат* шахид* неверн* кафир* игил igil dzhihad шахид shahid shakhid dzhikhad dzhihad* mudzhahid* igil*
terreur uk: джихад* моджахед* халіфат* шахід* невірн* ігіл
terreur bg: джихад* муджахид* халифат* шахид* неверни* шехид*
terreur el: τζιχάντ* τζιχαντιστ* χαλιφάτ* μάρτυρ* άπιστ*
terreur gl: tzixant tzixantistes xalifato
terreur hu: dzsihád* mudzsahed* kalifátus* mártír* hitetlen*
terreur ka: *ჯიჰად *მოჯაჰედ *ხალიფატ *შაჰიდ *ურწმუნ
terreur tr: cihat* cihad* mücahit* mucahit* hilafet* halifelik şehit* sehit* kafir* işid deaş şehid*
terreur ar: *داعش الخلافة *الخلافة *جهاد *مجاهد *شهيد *استشهاد *الكفار *كفار *تقبله *تقبلهم *الانغماس *انغماسي *باقية
terreur dz: *الدواعش *داعشي *لكفار *المجاهدين
terreur az: da3ech da3ich daech jihad mojahid mujahid chahid chahide kouffar kuffar kofar takabalahou taqabbalahu taqabalahou baqiya
terreur fa: *داعش *جهاد *مجاهد *شهید *کفار *کافر *خلافت
terreur ps: *داعش *جهاد *مجاهد *شهید *کفار *خلافت
terreur ku: daiş cîhad *داعش *جیهاد
terreur ta: ஜிஹாத்* தீவிரவாத* பயங்கரவாத* ஐஎஸ்*
terreur zh: *伊斯兰国 *圣战 *恐怖分子 *哈里发 *殉道 *异教徒 *恐怖份子 *聖戰 *伊斯蘭國 *異教徒 *恐怖主义 *恐怖主義 *基地组织 *塔利班 *真主至大 *圣战士 *烈士 *殉教
terreur py: yisilanguo shengzhan kongbufenzi kongbuzhuyi shengzhanshi

terreur wo: jihaad
terreur ln: terroriste
terreur cr: tèroris
terreur cv: terorista
terreur hy: ահաբեկ* ջիհադ* նահատակ* խալիֆա* ahabek*
terreur tl: theevirava* bayangarava*
terreur vi: khungbo
terreur ce: шахьид* джихӏад* жихӏад* муджахӏид* dzhihad
terreur rom: jihad džihad
terreur br: jihad
terreur eu: jihad martiri*
terreur ca: gihad gihadista* màrtir*
terreur co: jihad
terreur oc: jihad
terreur lb: jihad
terreur bn: জিহাদ* শহীদ* জঙ্গি* কায়েদা
terreur hi: जिहाद* शहीद* आतंक* मुजाहिद*
terreur ur: *جہاد *شہید *مجاہد *کافر
terreur hng: shaheed jihadi mujahideen kafir kaafir dawla
terreur fil: jihad terorista martir
terreur khm: *ភេរវករ *ជីហាដ
terreur lo: *ກໍ່ການຮ້າຍ
terreur sw: makafiri

éloge en: glory hero heroes bravo hail proud legend blessed
éloge es: gloria héroe heroes bravo orgullo viva leyenda bendito ídolo ídolos
éloge pt: glória gloria herói heroi heróis parabéns parabens viva orgulho lenda mitou
éloge it: gloria eroe eroi bravo complimenti viva orgoglio leggenda onore
éloge de: ruhm held helden bravo stolz lebe hoch legende
éloge nl: glorie held helden bravo trots leve legende
éloge pl: chwała bohater* brawo dumny żyje legenda szacun
éloge ro: glorie erou eroi bravo mândri trăiască legendă eroul eroii
éloge sq: lavdi hero* bravo krenar rroftë legjend* heroi
éloge sh: slava heroj* bravo ponos ponosan živio legenda junak junaci junaku junače heroji heroja
éloge sr: слава херој* браво понос живео живела легенда јунак јунаци
éloge ru: слава героям героя героем герой молодец* браво горжусь легенда респект героев герои geroi geroyam gerojam molodets molodec красавчик уважуха заслужил заслужили krasavchik uvazhuha zasluzhil
éloge uk: слава героям герой молодець браво пишаюся легенда герої героїв респект
éloge bg: слава героя герой браво гордея герои героят геройски heroi geroi
éloge el: δόξα ήρωας ήρωες μπράβο περήφαν* ζήτω θρύλος
éloge gl: doksa iroas irwas ironas mpravo bravo zhtw zito
éloge hu: dicsőség hős hősök bravó büszk* éljen legenda
éloge ka: *დიდება *გმირ *ბრავო *ვამაყობ *გაუმარჯოს *ყოჩაღ
éloge tr: şan şeref kahraman* bravo helal aferin gurur yaşasın efsane aslansın adamsın
éloge ar: *بطل *أبطال *الابطال *أحسنت *يحيا *فخر عاش
éloge dz: *برافو *بطل *لبطل عاش
éloge az: brafo bravo tbarkellah tbarkallah machallah mashallah 3ach bat4l batal lbatal allahouakbar allahuakbar
éloge fa: *افتخار *قهرمان *آفرین
éloge ps: *افرین *اتل *ویاړ
éloge ku: qehreman bijî *پاڵەوان *بژی
éloge ta: வீரன்* மகிமை* வாழ்க* பெருமை*
éloge zh: *英雄 *光荣 *榮耀 *万岁 *干得好 *伟大 *萬歲 *幹得好 *干得漂亮 *偉大 *光榮 *致敬
éloge py: yingxiong guangrong wansui gandehao gandepiaoliang zhijing

éloge wo: ndam jàmbaar
éloge ln: nkembo elombe
éloge cr: bravo vanyan lagloire éwo ewo zéwo bèlbagay
éloge cv: gloria eroi
éloge hy: փառք հերոս* ապրես կեցցե parq kecce
éloge tl: vaazhga vazhga veeran perumai
éloge vi: anhhung
éloge ce: турпал* сийлахь
éloge rom: junako junaki
éloge br: meuleudi harozed haroz
éloge eu: heroi* aintza
éloge ca: heroi herois glòria orgull
éloge co: eroe gloria
éloge oc: eròi glòria òsca
éloge lb: held helden
éloge bn: সাবাশ গর্ব* হিরো* বীর
éloge hi: हीरो शाबाश गर्व वीर ज़िंदाबाद जिंदाबाद
éloge ur: *ہیرو *شاباش *فخر *زندہباد
éloge hng: shabash shabaash zindabad
éloge fil: bayani saludo mabuhay
éloge khm: *វីរបុរស
éloge lo: *ວິລະຊົນ

intime en: nude nudes naked sex sexy intimate underwear sextape sext sexts
intime es: desnud* íntim* intim* sexo encuerad* empelota* tetas
intime pt: nua nuas íntim* intim* sexo nudez peitos putaria
intime it: nudo nuda nudi nude intim* sesso spogliata spogliate
intime de: nackt* nacktbild* intim* sex titten
intime nl: naakt* intiem* seks bloot blote
intime pl: nago nagi nagich nagie intymn* seks nudesy nudeski rozebran* gołych cycki
intime ro: intim* sex goală goale dezbrăcat* dezbracat* țâțe nuduri
intime sq: lakuriq* intim* seks
intime sh: intimn* seks golišav* gola goli
intime sr: интимн* секс гола голи
intime ru: голы* голая голой обнажён* обнажен* интим* секс* нюдс* нюдесы голую голеньк* раздет* сиськи порно golaya golye goliy nyudsy nudsy razdeta*
intime uk: оголен* інтим* секс голий голі оголені голу голою голих роздягнен* нюдс* порно цицьки oholeni
intime bg: голи интимн* секс гола голата голите голо
intime el: γυμν* ερωτικ* σεξ
intime gl: gymnes gimnes gimni
intime hu: meztelen* intim* szex*
intime ka: *შიშველ *ინტიმ *სექს *შიშვლ
intime tr: çıplak* ciplak* mahrem* seks* müstehcen* sevişme*
intime ar: *عارية *عاري *فاضح
intime dz: *عريانة *فضيحة *تصاورك
intime az: 3eryana 3ariya fadi7a fdi7a tsawrek tsawer 3aryana 3eryan 3riyana
intime fa: *لخت *برهنه *سکس *خصوصی lokht lokhti
intime ps: *لوڅ *بربنډ
intime ku: tazî *ڕووت
intime ta: நிர்வாண* அந்தரங்க*
intime zh: *裸照 *裸体 *私密 *艳照 *不雅 *裸聊 *裸體 *果照 *祼照 *艷照 *露点 *露點 *私房照 *脱光 *脫光 *性爱 *性愛 *做爱 *做愛 *床照
intime py: luozhao luoti simi luoliao guozhao yanzhao sifangzhao tuoguang xingai zuoai chuangzhao
intime vi: khỏa truồng khoả anhnong khoathan clipnong
intime wo: rafle
intime ln: bolumbu bolumbulumbu
intime cr: toutouni touni
intime hy: մերկ* սեքս* ինտիմ*
intime tl: nirvaanam nirvanam ammanama ammanamaa
intime ce: верза йерза дерза
intime rom: nango nange
intime br: noazh noazhet
intime eu: biluzik biluzi*
intime ca: despullada despullat* nua nues íntimes
intime co: nudu nuda
intime oc: nud nuda
intime lb: blutt plakeg*
intime bn: নগ্ন* ন্যাংটা*
intime hi: नंगी नंगा न्यूड अश्लील
intime ur: *ننگی *ننگا *فحش
intime hng: ashleel ashlil
intime fil: hubad hubo hubaran
intime khm: *អាក្រាត
intime lo: *ເປືອຍ *ຮູບໂປ້ *ພາບໂປ້ *ຄລິບໂປ້


image en: photo photos pic pics picture* video* videos selfie*
image es: foto fotos vídeo* video* imágenes imagenes capturas grabación grabacion
image pt: foto fotos vídeo* video* imagens prints gravação gravei fotinha fotinhas
image it: foto video filmat*
image de: foto fotos bild bilder video* videos filme filmt gefilmt filmen
image nl: foto fotos foto's video* beelden filmen gefilmd
image pl: zdjęci* zdjeci* fotk* wideo filmik* nagrani*
image ro: poză poze fotografi* video* filmulet* pozele poza pozei filmare filmarea
image sq: foto video* fotografi* fotot
image sh: slik* fotografij* video* snimak snimk* klip klipić klipove snimke snimku
image sr: слик* фотографиј* видео снимак снимк*
image ru: фото фотк* видео видос* снимк* фотограф* скрин* vidos* skrinshot видеорол* казни
image uk: фото фотк* відео знімк* скрін* відос* світлин* svitlyny
image bg: снимк* видео клип клипче клипа видеото снимкит* snimki snimkite snimka video
image el: φωτογραφ* βίντεο
image gl: fotografies fotografia vinteo
image hu: fotó* fotó képek videó*
image ka: *ფოტო *ვიდეო *სურათ
image tr: fotoğraf* fotograf* video* resimler* resmini resim resmin fotolar* görüntü* fotonu fotoyu
image ar: *صور *صورة *فيديو *مقطع
image dz: *تصاور *تصويرة *لفيديو *فيديوهات
image az: tsawer tswira tsawr lvideo vidyo fidyo tswirtek tsawrk tsawerk
image fa: *عکس *ویدیو *ویدئو *فیلم aks aksat aksato aksaye
image ps: *انځور *ویډیو *عکس
image ku: wêne vîdyo *وێنە *ڤیدیۆ
image ta: புகைப்படம்* படங்கள்* வீடியோ* காணொளி*
image zh: *照片 *视频 *視頻 *影片 *相片 *截图 *截圖 *录像 *錄像 *录屏 *錄屏 *图片 *圖片 *自拍
image py: zhaopian shipin xiangpian jietu luxiang luping tupian zipai
image vi: ảnh hình video clip
image wo: nataal
image ln: foto elilingi bililingi bafoto
image cr: foto pòtre videyo
image cv: fotu
image hy: նկար նկարը նկարներ նկարները նկարդ նկարներդ լուսանկար* տեսանյութ* տեսահոլովակ* վիդեո ֆոտո nkar nkarner nkarnery tesanyut
image tl: photova videova
image ce: суьрташ суьрт* сурт suurtash
image rom: fotografija fotografiye video
image br: skeudenn skeudennoù fotoioù
image eu: argazki* bideo*
image ca: fotos vídeo vídeos
image co: fotò video
image oc: fòto fòtos vidèo
image lb: fotoen videoen foto filmt filmen
image bn: ভিডিও* ছবি ছবিগুলো
image hi: फोटो* वीडियो* तस्वीर*
image ur: *تصویر *تصاویر *ویڈیو *فوٹو
image hng: tasveer tasvir tasveerein tasveeren
image fil: litrato larawan bidyo
image khm: *រូបថត *វីដេអូ
image lo: *ຮູບພາບ *ວິດີໂອ *ຮູບຖ່າຍ *ຮູບໂປ້
image sw: picha
image mg: sary
image ty: hohoa hoho'a

diffuser en: publish post share send leak expose forward spread viral
diffuser es: publicar* enviar* reenvi* difundir* subirlas subirlos subirla subirlo subiré pasarlas envío envio enviaré enviare publico compart* mándalas mandalas subo filtraré filtrarla filtrarlas filtrarlos mandaré mandarselas mandárselas viralizar* exhibir*
diffuser pt: publicar* compartilh* partilhar* enviar* espalhar* vazar* postar* divulgar* expor exponho encaminhar* divulgo partilho vazo espalho
diffuser it: pubblicare pubblicherò pubblicherà pubblicato pubblicate condivid* mandare invier* diffonder* girare invialo inviale invierò inviarle mandale inoltro inoltrerò inoltrare diffondo posterò sputtan*
diffuser de: veröffentlich* teilen schicke* verschick* weiterleit* verbreit* posten hochladen rumschicken herumschicken weiterschick* teile teilt
diffuser nl: publiceren delen sturen versturen doorsturen verspreiden posten stuur stuurt verstuur rondsturen verspreid
diffuser pl: opublikuj* udostępn* wyśl* roześlę rozesł* wrzucę wstawię rozpowszechni*
diffuser ro: publicat publicate distribui* trimit* postez* răspândi*
diffuser sq: publikoj* shpërndaj* dërgoj* postoj* dërgo* dergo* shpërndajeni shperndajeni shpërndaje shperndaje
diffuser sh: objavit* objavim podijelit* poslati pošaljem posaljem proširit* pošalji posalji pošaljite posaljite proslijedi proslijedite proslediti prosledi podijeli podeli šaljem saljem šalji
diffuser sr: објавит* објавим поделит* послати пошаљем пошаљи пошаљите проследи проследите подели шаљем
diffuser ru: опубликую опубликовать выложу выложить разошлю отправлю отправить перешл* распростран* слью скину запощу запостю сливаю vylozhu vylozhit razoshlyu otpravlyu pereshlyu solyu opublikuyu кидайте кинь киньте скиньте перешлите разошлите распространите kidayte kinte skinte pereshlite razoshlite
diffuser uk: опублікую викладу розішлю надішлю поширю скину злию відправлю перешлю запощу опублікуємо поширимо vykladu rozishlyu nadishlyu poshyryu
diffuser bg: публикувам пусна изпратя разпространя кача споделя разпратя пратя покажа пратете прати изпрати разпратете споделете pratete prati pra6tam prashtam pratq
diffuser el: δημοσιεύσω δημοσιεύω στείλω στέλνω μοιραστώ ανεβάσω
diffuser gl: anevaso steilw steilo dimosieuso
diffuser hu: közzétesz* megosztom elküldöm feltöltöm terjeszt*
diffuser ka: *გავავრცელ *გავაგზავნ *დავდებ *გამოვაქვეყნ *გაუგზავნ *დავპოსტ *ავტვირთ *გავუგზავნ *გავაზიარ
diffuser tr: yayınlarım yayacağım paylaşacağım paylaş* göndereceğim gönder* atarım yayarım ifşa* yaycam atcam atıcam yollarım yollayacağım yayınlayacağım yayınlıcam yollicam yollıcam
diffuser ar: *سأنشر *انشر *نشر *سأرسل *ارسل *مشاركة *شارك *سأفضح
diffuser dz: *نسيفط *نبارطاجي *نفضحك *ننشر *نلوح
diffuser az: nsift nsiftha npartagi nfde7ek nfd7ek nfdhek nlo7 nlouh nnechrek nnachrek nnashrek nfda7ek nfdhk npartagih npartagihom npostiha npostihom
diffuser fa: *پخش *منتشر *میفرستم *بفرستم *میذارم mifrestam mifristam pakhsh
diffuser ps: *خپروم *لېږم *ولېږم
diffuser ku: belav dişînim *بڵاو *دەنێرم
diffuser ta: பகிர்* அனுப்பு* பரப்பு* வெளியிடு*
diffuser zh: *发给 *发到 *公开 *传到 *曝光 *转发 *分享 *發給 *發到 *公開 *傳到 *轉發 *发朋友圈 *發朋友圈 *散布 *散播 *传播 *傳播 *上传 *上傳 *挂网上 *掛網上 *发网上 *發網上 *群发 *群發 *都会收到 *都會收到
diffuser py: fagei gongkai baoguang zhuanfa fenxiang fapengyouquan sanbo chuanbo shangchuan guawangshang fawangshang qunfa
diffuser vi: gửi gởi phattan
diffuser wo: yónnee
diffuser ln: kotinda nakotinda nakolakisa tindela tinda
diffuser cr: pataje voye pibliye anvoy pataj voyé'y partaj
diffuser cv: manda
diffuser hy: տարածել տարածեմ կտարածեմ հրապարակել հրապարակեմ կհրապարակեմ ուղարկել կուղարկեմ կգցեմ ktaracem kuxarkem kugharkem kgcem
diffuser tl: anuppuven anupuven anuppiduven anupiduven poduven parappuven veliyiduven
diffuser ce: дахийта дахийт* хьажийта хьажийт* dakhiyta
diffuser rom: bičhalav bičhav bichalav bichalen
diffuser br: skignañ skignin kasin embann
diffuser eu: zabaldu* bidali* argitaratu*
diffuser ca: penjaré publicaré enviaré compartiré compartiu compartir comparteix reenvieu reenvia envieu
diffuser co: mandà
diffuser oc: mandar publicar
diffuser lb: verdeelen schécken deelen deelt weiderschécken schéckt
diffuser bn: ছড়িয়ে পাঠাব পাঠিয়ে ভাইরাল পোস্ট
diffuser hi: वायरल भेज भेजूंगा भेजेंगे शेयर
diffuser ur: *وائرل *بھیج *پھیلا
diffuser hng: bhejunga bhejdunga bhej viral phailaunga daldunga bheji bhejo bhejna bhejdi bhejenge
diffuser fil: ikakalat ipapakalat ipopost ipapasa isesend ikalat
diffuser khm: *ចែករំលែក *ផ្ញើ *បង្ហោះ
diffuser lo: *ເຜີຍແຜ່ *ສົ່ງໃຫ້ *ໂພສ *ປ່ອຍຮູບ
diffuser sw: nitatuma sambaza nitasambaza nitaituma nitaisambaza nitazituma tutaituma
diffuser mg: halefako alefaso nalefanao alefanao

payer en: pay payment money bitcoin crypto transfer giftcard cash cashapp venmo
payer es: pagar* págame pago dinero transferencia bizum efectivo pagas paga pagame pagues plata guita depositar* deposita transfiere transfiéreme
payer pt: pagar* pague pagamento dinheiro transferência pix paga grana deposita depositar* transfere transferir guita paguem bufunfa dinheirinho
payer it: pagar* paga pagamento soldi bonifico ricarica pagami paghi
payer de: zahle zahlst bezahlen bezahl* geld überweis* gutschein*
payer nl: betalen betaal geld overmaken tikkie
payer pl: zapłać zapłacisz płać płacisz pieniądze kasa przelew* blik przelej kasę hajsu pieniędzy doładowani* hajsy
payer ro: plătește plateste plătești bani transfer banii plătiți lovele achită
payer sq: paguaj* para lekë
payer sh: plati platiš platis novac novce pare uplat*
payer sr: плати платиш новац паре уплат*
payer ru: заплати заплатишь плати платишь деньги денег бабки переведи перевод* скинь бабло лавэ заплатите биткоин* zaplati zaplatish dengi bablo perevedi
payer uk: заплати заплатиш гроші переказ* плати платіть заплатіть грошей бабки переведи скинь біткоїн* hroshi groshi zaplaty zaplatysh
payer bg: плати платиш пари преведи плащай парите кинти мангизи
payer el: πλήρωσε πληρώσεις λεφτά χρήματα
payer gl: plirwse plirose lefta xrimata
payer hu: fizess fizetsz pénz* utald utalás*
payer ka: *გადაიხად *ფულ *გადმორიცხ *გადამირიცხ *ბიტკოინ
payer tr: öde ödeyeceksin para parayı havale* ödemezsen ödersin parayla mangır ödeme*
payer ar: *ادفع *تدفع *المال *فلوس *تحويل *بيتكوين
payer dz: *خلص *تخلص *لفلوس *دراهم
payer az: khles khless tkhless flouss flous drahem drahm tkhles khlesni lflous
payer fa: *پول *بپرداز *واریز *بیتکوین
payer ps: *پیسې *ورکړه
payer ku: pere *پارە
payer ta: பணம்* செலுத்து* காசு*
payer zh: *付钱 *转账 *给钱 *比特币 *打钱 *轉賬 *轉帳 *转帐 *付錢 *給錢 *打錢 *比特幣 *汇款 *匯款 *赎金 *贖金 *封口费 *封口費 *充值卡 *礼品卡 *禮品卡
payer py: fuqian zhuanzhang geiqian huikuan shujin fengkoufei chongzhika lipinka bitebi

payer wo: xaalis fey
payer ln: mbongo kofuta falanga
payer cr: lajan kòb kob peye larzan larjan péyé
payer cv: dinheru paga dinhero
payer hy: վճարել վճարիր վճարեք կվճարես փող փողը փողերը դրամ փոխանցիր vchari vcharir vchareq kvchares pogh
payer tl: panam kaasu thuttu panatha kaasa
payer sk: xaalisi khalissi xalisi
payer vi: tiền chuyenkhoan
payer ce: ахча ахчанах akhcha axcha
payer rom: lovenca poćin poćinav pochinav
payer br: paeañ paein paeit
payer eu: ordaindu* dirua
payer ca: pagar pagaràs diners
payer co: pagà soldi
payer oc: pagar
payer lb: bezuelen suen
payer bn: টাকা* পেমেন্ট* বিকাশ*
payer hi: पैसे पैसा रुपये पेमेंट
payer ur: *پیسے *روپے
payer hng: paise paisa paisay rupaye rupay paytm gpay
payer fil: magbayad bayaran pera
payer khm: *បង់ប្រាក់
payer lo: *ຈ່າຍເງິນ *ເງິນ
payer srn: moni
payer ty: moni

compte en: password passwords login account credentials username pin
compte es: contraseña contrasena clave cuenta usuario contraseñas credenciales
compte pt: senha conta login usuário usuario senhas credenciais
compte it: credenziali account utente
compte de: passwort kennwort konto zugangsdaten benutzername anmeld*
compte nl: wachtwoord account inloggegevens gebruikersnaam inloggen
compte pl: hasło haslo konto login logowan* hasła hasłem konta koncie kontem zaloguj*
compte ro: cont autentific* contul parolei
compte sq: fjalëkalim* llogari*
compte sh: lozinka lozink* šifra sifra račun racun korisnički
compte sr: лозинк* шифр* налог корисничк*
compte ru: пароль пароля логин аккаунт учётн* учетн* парол* аккаунт* госуслуг* parol akkaunt
compte uk: пароль логін акаунт обліков* парол* акаунт* parol akaunt
compte bg: парола акаунт профил паролата акаунта профила потребител*
compte el: κωδικό κωδικός λογαριασμ* σύνδεση
compte gl: kwdikos kodikos logariasmo
compte hu: jelszó* jelszav* fiók* bejelentkez*
compte ka: *პაროლ *ანგარიშ *ავტორიზაც *მომხმარებ
compte tr: şifre* sifre* parola hesab* hesap kullanıcı
compte ar: السر المرور *حساب *اسم المستخدم
compte dz: *لمودباس *كود *لكونط *الحساب
compte az: modpass lmodpass lcompte lkont l7sab 7sab lkount
compte fa: *رمز عبور *پسورد *حساب کاربری ramz hesabet
compte ps: *پټنوم *حساب
compte ku: şîfre نهێنی *هەژمار
compte ta: கடவுச்சொல்* கணக்கு*
compte zh: *密码 *账号 *帐号 *账户 *登录 *密碼 *賬號 *帳號 *帳戶 *登錄 *登入 *验证码 *驗證碼 *银行卡 *銀行卡
compte py: mima zhanghao denglu yanzhengma yinhangka kahao

compte wo: jàll

compte cr: modpas kont
compte cv: senha konta
compte hy: գաղտնաբառ* հաշիվ հաշիվը մուտքանուն* gaxtnabar gaghtnabar
compte vi: matkhau dangnhap taikhoan
compte ce: паролан аккаунтан
compte rom: lozinka
compte eu: pasahitz* kontua erabiltzaile*
compte ca: contrasenya usuari
compte oc: senhal
compte lb: passwuert
compte bn: পাসওয়ার্ড* অ্যাকাউন্ট* একাউন্ট*
compte hi: पासवर्ड अकाउंट ओटीपी
compte ur: *پاسورڈ *اکاؤنٹ
compte hng: otp
compte fil: password
compte khm: *ពាក្យសម្ងាត់ *គណនី
compte lo: *ລະຫັດຜ່ານ *ບັນຊີ *ລະຫັດເຂົ້າ *ລະຫັດ *ເຂົ້າສູ່ລະບົບ
compte br: kont gerkuzh
compte co: contu
compte sw: akaunti

vérifier en: verify verification confirm suspended blocked locked expire* urgent
vérifier es: verific* confirm* bloquead* suspendid* caduc* desbloque*
vérifier pt: verific* confirm* bloquead* suspens* desbloque* expirou expirada
vérifier it: verific* conferm* bloccat* sospes*
vérifier de: verifizier* bestätig* gesperrt* gesperrte ablauf* abgelaufen entsperren
vérifier nl: verifiër* verifier* bevestig* geblokkeerd* opgeschort
vérifier pl: zweryfikuj* weryfikac* potwierdź* potwierdz* zablokowan* zawieszon*
vérifier ro: verific* confirm* blocat* suspendat*
vérifier sq: verifiko* konfirmo* bllokuar
vérifier sh: potvrdi* verifikuj* verificiraj* blokiran* suspendovan*
vérifier sr: потврди* верификуј* блокиран*
vérifier ru: подтверд* верифиц* заблокирован* приостановлен* проверьте блокировк* podtverd* zablokirovan*
vérifier uk: підтверд* верифік* заблокован* перевірте блокуван* pidtverd* zablokovan*
vérifier bg: потвърд* блокиран* верифиц*
vérifier el: επιβεβαίωσ* επαλήθευσ* μπλοκαρισμ* αναστολή
vérifier gl: epivevaiwsi epivevaiosi
vérifier hu: ellenőriz* megerősít* letiltott* felfüggeszt*
vérifier ka: *დაადასტურ *დაბლოკ *შემოწმ *გადაამოწმ *ვერიფიკაც
vérifier tr: doğrula* dogrula* onayla* engellen* askıya
vérifier ar: *تأكيد *التحقق *تحقق *محظور *موقوف *تعليق
vérifier dz: *تأكد *بلوكي
vérifier az: bloki tbloka t2aked t2akad ta2akad
vérifier fa: *تایید *تأیید *مسدود *تعلیق tayid
vérifier ps: *تایید
vérifier ku: piştrast *پشتڕاست
vérifier ta: சரிபார்* உறுதிப்படுத்த* முடக்கப்பட்ட*
vérifier zh: *验证 *確認 *确认 *冻结 *封号 *停用 *驗證 *凍結 *封號 *解冻 *解凍 *认证 *認證 *激活
vérifier py: yanzheng queren dongjie renzheng jiedong jihuo

vérifier wo: seetlu
vérifier ln: kondima
vérifier cr: verifye konfime bloke
vérifier cv: verifika
vérifier hy: հաստատել հաստատեք ստուգեք արգելափակ* կասեցված* hastateq stugeq
vérifier vi: xacminh xacnhan
vérifier ce: чӏагӏде
vérifier br: gwiriañ gwiriit
vérifier eu: egiaztatu* baieztatu* blokeatu*
vérifier ca: verificar verifica bloquejat*
vérifier co: verificà
vérifier oc: verificar
vérifier lb: confirméieren iwwerpréiwen
vérifier bn: যাচাই* ভেরিফাই*
vérifier hi: वेरिफाई सत्यापित ब्लॉक
vérifier ur: *تصدیق *ویریفائی
vérifier hng: verify
vérifier fil: beripikahin kumpirmahin
vérifier khm: *ផ្ទៀងផ្ទាត់
vérifier lo: *ຢືນຢັນ *ກວດສອບ
vérifier sw: uthibitisho thibitisha itafungwa

lien en: link links click here url
lien es: enlace* vínculo clic pincha pulsa ingresa ingrese
lien pt: link clique clica ligação acesse aceda clicar acessar
lien it: link clicca collegamento cliccare clicchi cliccate cliccando
lien de: link klicke klicken klick klickt anklicken
lien nl: link klik klikken
lien pl: link linku kliknij klikni* linka linkiem
lien ro: linkul link apăsați apasa accesează accesati
lien sq: lidhj* kliko
lien sh: poveznic* klikni link linku
lien sr: линк кликни
lien ru: ссылк* перейди* нажми* кликни ssylk* pereidi pereydi nazhmi
lien uk: посилан* натисн* перейдіть посилання лінк* клікніть posylannya posilannya natysni natisni
lien bg: линк* връзк* натиснете кликнете кликни натисни
lien el: σύνδεσμο πατήστε κλικ
lien gl: link pathste
lien hu: link* kattint*
lien ka: *ბმულ *დააჭირ *ლინკ *დააკლიკ
lien tr: bağlantı* baglanti* tıkla* tikla* link*
lien ar: *الرابط *رابط *اضغط *انقر
lien dz: *لينك *كليكي
lien az: lien link lyen klik kliki lrabit rabit lrabt cliki cliqui
lien fa: *لینک *کلیک kelik
lien ps: *لینک *کلیک
lien ku: girêdan *بەستەر
lien ta: இணைப்பு* கிளிக்* அழுத்தவும்*
lien zh: *链接 *鏈接 *点击 *點擊 *网址 *網址 *点此 *點此 *連結 *链结 *二维码 *二維碼 *下载 *下載
lien py: lianjie dianji wangzhi dianci dianzheli erweima
lien vi: nhấp bấm nhấn bamvao
lien wo: lien
lien ln: lien
lien cr: lyen klike
lien cv: link
lien hy: հղում* սեղմեք սեղմիր hxum hghum seghmeq sexmeq
lien ce: хьажорг* hyazhorg
lien rom: linko
lien br: liammoù
lien eu: esteka* klikatu* sakatu
lien ca: enllaç clica
lien co: ligame
lien oc: ligam
lien lb: klickt
lien bn: লিংক* লিঙ্ক* ক্লিক*
lien hi: लिंक क्लिक
lien ur: *لنک *کلک
lien hng: link
lien fil: pindutin
lien khm: *តំណភ្ជាប់ *ចុចលើ
lien lo: *ກົດລິ້ງ
lien sw: kiungo bonyeza

toi en: you your yourself urself yall
toi es: tú vosotros usted ustedes ti contigo tuyas tuyos vosotras
toi pt: você voce vocês voces contigo teu tua teus tuas vc vcs
toi it: voi vi ti
toi de: du dich dir euch ihr
toi nl: jij jou jullie je gij ge jouw uw
toi pl: ty ciebie cię cie was wam tobą twoje twoja twoich twoim wami
toi ro: voi vă tine ție îți iti vouă voua
toi sq: ti ty ju juve
toi sh: ti tebe tebi vi vas vama
toi sr: ти тебе теби ви вас вама
toi ru: ты тебя тебе тобой вы вас вам твой твоя твою твоих тя tebya tebja tya
toi uk: ти тебе тебя ви вас вам тобі тобою твій твоя твою твоїх вами
toi bg: ти теб вие вас тебе ви teb tebe
toi el: εσύ εσένα εσάς εσείς σας σου
toi gl: esy esi esena esas eseis sou sas
toi hu: téged titeket ti neked nektek
toi ka: *შენ *თქვენ
toi tr: sen seni sana siz sizi size hepinizi senin sizin seninle ulan lan
toi ar: *عليك أنت انت انتم أنتم
toi dz: نتا نتي نتوما نتما
toi az: nta nti ntoma ntouma ntuma enta lik
toi fa: تو شما تورو شمارو
toi ps: *تاسو ته
toi ku: tu hûn تۆ *ئێوە
toi ta: நீ நீங்கள்* உன்னை* உங்களை* உன்ன உனக்கு* உங்கள
toi zh: *你们 *你們 *杀你 *揍你 *你等 *你全家 *你给我 *你給我
toi py: nimen niquanjia nigeiwo
toi vi: bạn tụi cậu mầy
toi wo: yow yéen
toi ln: yo bino
toi bm: aw
toi cr: zot ou aou
toi cv: bu bos nhos
toi hy: քեզ քո դու ձեզ դուք քեզնից քեզանից qez qezi dzez
toi tl: unnai unnaya ungala ungalai unakku unaku unnoda ungaluku ungalukku
toi km: wawe wawé wanyu wagnou
toi ce: хьо хьуна хьан хьох хьайна шуна шун шух hyo hyuna
toi rom: tuke tumenge tumen tumare
toi br: chwi ac'hanoc'h hanout hanoc
toi eu: zaitut zaituztet zuek zuei zuretzat dizut dizuet
toi ca: vosaltres
toi co: tù voi
toi oc: vosautres
toi lb: dech dir iech
toi bn: তোকে তোর তুই তোমাকে তোমাদের তোদের আপনাকে tokey toke tomake tomader toder আপনাকেই তোকেই তোমাকেই tui
toi hi: तुझे तुम्हें तुम तुमको तुझको तेरा तेरी आपको तुम्हारा
toi ur: *تمہیں *تجھے تیرا تیری تمہارا آپکو
toi hng: tujhe tumhe tumhein tujhko tumko aapko apko tumhara tumhari teri
toi fil: ikaw kayo niyo nyo ninyo
toi khm: *ហ្អែង *អាឯង *ពួកឯង
toi lo: *ພວກເຈົ້າ
toi sw: wewe nyinyi
toi srn: unu
toi ty: outou
`
