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
//	       Georgian: three letters or more; Han: two characters or more)
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
// creoles) cv (Cape Verdean).
const xlexTable = `
bombe en: bomb bombs bomber bombing explosive* dynamite grenade* detonator*
bombe es: bomba bombas explosivo* dinamita granada granadas detonador*
bombe pt: bomba bombas explosivo* dinamite granada granadas detonador*
bombe it: bomba bombe esplosivo esplosivi dinamite granata granate ordigno ordigni detonator*
bombe de: bombe bomben sprengstoff* sprengsatz* granate granaten dynamit zünder
bombe nl: bommen explosiev* springstof* dynamiet granaat granaten
bombe pl: bomba bomby bombę bombą bombe materiał wybuchow* granat granaty dynamit
bombe ro: bombă bomba bombe explozibil* dinamită grenadă grenade
bombe sq: bombë bomba bombat eksploziv* dinamit granatë
bombe sh: bomba bombu bombe bombom eksploziv* dinamit granata granatu
bombe sr: бомба бомбу бомбе бомбом експлозив* динамит граната гранату
bombe ru: бомба бомбу бомбы бомбой бомбе взрывчатк* граната гранату гранаты динамит самодельн* тротил
bombe uk: бомба бомбу бомби бомбою вибухівк* граната гранату динаміт
bombe bg: бомба бомбата бомби експлозив* граната динамит
bombe el: βόμβα βόμβες βόμβας εκρηκτικ* χειροβομβίδ* δυναμίτ*
bombe gl: vomva vomves vomvas bomba ekriktika ekriktiko
bombe hu: bomba bombát bombák robbanószer* robbanóanyag* gránát* dinamit*
bombe ka: *ბომბ *ასაფეთქებ *ყუმბარ *დინამიტ
bombe tr: bomba bombayı bombalar* patlayıcı* bombası dinamit
bombe ar: *قنبل *متفجر *عبوة *ديناميت
bombe dz: *بومبة *بومبا *قنبول *لبومب
bombe az: bomba lbomba qonbola qnbola 9onbola 9nbola
bombe fa: *بمب منفجره *نارنجک
bombe ps: بم *چاودیدونک
bombe ku: bombe bombeyek teqemenî *بۆمب *تەقەمەنی
bombe ta: வெடிகுண்டு* குண்டு*
bombe zh: *炸弹 *炸药 *手榴弹 *爆炸物 *炸彈 *炸藥
bombe py: zhadan zhayao shouliudan
bombe vi: lựu đạn
bombe wo: bombe
bombe ln: bombe
bombe cr: bonm bonb
bombe cv: bomba

exploser en: explode* explosion* blow detonat*
exploser es: explotar explotará exploto explota explotaré explosión explosion
exploser pt: explodir* explode explosão explosao rebentar* detonar
exploser it: esplodere esplode esploderà esploderò esplosione esplosioni
exploser de: explodier* explosion* sprengen sprenge sprengt hochjagen
exploser nl: ontploff* exploder* explosie* opblazen
exploser pl: wybuch* wysadz* eksplod*
exploser ro: explod* explozi* detona
exploser sq: shpërth*
exploser sh: eksplodir* eksplozij* raznijeti raznet*
exploser sr: експлодир* експлозиј* разнет* разнијет*
exploser ru: взорв* взрыв* взрывать взорвётся подорву подорвём
exploser uk: вибух* підірв* підрив*
exploser bg: взрив* взриви* експлоз*
exploser el: έκρηξη εκρήξεις εκρηξ* ανατιν* σκάσει
exploser gl: ekriksi anatinaxo anatinazo
exploser hu: felrobban* robban* robbant*
exploser ka: *აფეთქ *აფეთქებ *აფეთქდ
exploser tr: patlat* patlayacak patlama* patlasın
exploser ar: *تفجير *انفجار *سأفجر *سنفجر *يفجر *فجرو *تنفجر *ينفجر *نسف
exploser dz: *نفرقع *نطرطق *غانفجر *نفجر *فرقع *تفرقع
exploser az: nfj9 nfjer tfjir tfjer nferg3 nfer93 nfarga3 infijar tfajir
exploser fa: *منفجر *انفجار *بترکون *میترکون *میترکه
exploser ps: *چاودنه *والوزوم *الوزوم
exploser ku: teqandin teqîn *تەقاندن *تەقینەوە
exploser ta: வெடிக்க* வெடிப்பு* வெடிக்கும்* தகர்க்க*
exploser zh: *爆炸 *炸掉 *炸死 *引爆 *炸学校 *炸了 *要炸
exploser py: baozha zhadiao yinbao
exploser vi: nổ
exploser wo: tojal
exploser ln: kopanza
exploser cr: eksploze pete eklate
exploser cv: sploda explodi

tuer en: kill kills killed killing* killer* murder* slaughter
tuer es: matar* mataré mataría matarte matarlos mátalos muerto asesin* mato
tuer pt: matar* mato mataria matá assassin* matar
tuer it: uccid* ammazz* uccis* assassin*
tuer de: töten tötet töte getötet umbringen bringe umbring* ermord* mörder* abstechen
tuer nl: doden dood vermoord* moord* afmaken
tuer pl: zabiję zabij* zabić zabiłem zabijać zabójst* morderst* morderc* zamorduj* zabijemy
tuer ro: omor* ucid* ucide asasin* crimă
tuer sq: vras* vrit vrarë vrasës vrau
tuer sh: ubit* ubij* ubiću ubicu ubiti ubojst* ubistv* ubic* zaklat*
tuer sr: убит* убиј* убићу убиство* убица
tuer ru: убью убьём убить убил* убей убивать убийств* убийц* прикончу замочу уничтожу зарежу
tuer uk: вбити вб'ю вбю вбив* вбий вбивств* убий уб'ю убю вбивц* заріжу
tuer bg: убия убие убиват* убийств* убиец*
tuer el: σκοτώσω σκοτώνω σκότωσ* σκοτωσ* σκοτών* φόνο φονιάς δολοφον*
tuer gl: skotoso skotono skotosw skotwsw skotwnw skotose skotoste fono dolofon*
tuer hu: megöl* ölni öllek ölöm gyilkos* kinyír* megöllek
tuer ka: *მოგკლავ *მოკლავ *ვკლავ *მოვკლავ *კლავს *მოკვლ *მკვლელ *დაგხოც *დავხოც
tuer tr: öldür* katlet* gebertec* geberteceğim cinayet* katil
tuer ar: *قتل *اقتل *سأقتل *سنقتل *يقتل *تقتل *نقتل *اغتيال *مقتل
tuer dz: *نقتلك *غنقتل *نقتلكم *نقتلو *نذبحك *نصفيك *نكملك
tuer az: n9tlek n9telk nqtlek nqtlk nktlek n9tlk n9tlkom qtel 9tel n9atlek nekatlek n9tel nqtel
tuer fa: *بکشم *میکشم *بکشمت *میکشمت *کشتن *کشتم *قتل *بکشیم *میکشیمت *کشته
tuer ps: *وژنم *ووژنم *ووژنو *وژنو *ووژني *وژل *قتل
tuer ku: bikujim dikujim kuştin kujtin *دەتکوژم *کوشتن *بکوژم
tuer ta: கொல்வேன்* கொல்ல* கொலை* கொன்று* கொல்லுவேன்* கொல்வோம்*
tuer zh: *杀了 *杀死 *杀掉 *杀人 *杀你 *杀光 *杀全 *要杀 *谋杀 *殺死 *殺了 *殺人
tuer py: shasi shanile sharen shadiao moushai
tuer vi: giết giet
tuer wo: rey reyal
tuer ln: koboma nakoboma nabomi boma
tuer bm: faga
tuer cr: touye tiye tchouye tchwe tuye
tuer cv: mata matá matau

tirer en: shoot shooting shooter gun guns rifle* pistol* firearm*
tirer es: dispar* tiroteo* pistola* fusil* escopeta balacera balear
tirer pt: tiro tiros tiroteio* atirar* dispar* pistola* espingarda metralhadora revólver
tirer it: sparatoria* pistola* fucile* mitra mitragliatrice sparare sparo sparerò spareremo sparato spari
tirer de: schießen schieße schießerei* erschießen erschieße erschossen* pistole* gewehr* waffe
tirer nl: schieten schiet schietpartij* pistool* geweer* vuurwapen* neerschiet* doodschiet*
tirer pl: strzel* strzelanin* pistolet* karabin* broń palna spluwa
tirer ro: împușc* impusc* pistol* mitralier*
tirer sq: qëlloj qëllim qellim pushk* pistolet*
tirer sh: pucat* pucnjav* upucat* pištolj* puška pušku pištolj
tirer sr: пуцат* пуцњав* упуцат* пиштољ* пушка пушку
tirer ru: стрелять стрельб* застрел* пистолет* ружь* калаш* ствол
tirer uk: стріляти стрілянин* застрел* пістолет* рушниц*
tirer bg: стрелям стрелба застрелям пистолет* пушка
tirer el: πυροβολ* όπλο όπλα πιστόλι καλάσνικοφ
tirer gl: pyrovolo pirovolo pirovolisw pyrovolisw oplo pistoli
tirer hu: lövöldöz* lelő* lelövöm pisztoly* fegyver* puská*
tirer ka: *სროლ *ვესრ *გესრ *დავცხრილ *პისტოლეტ *ავტომატ
tirer tr: vurac* vuracağım silah* tabanca* tüfek* kurşun* kurşunla*
tirer ar: *رصاص *مسدس *بندقية *كلاشن *رشاش
tirer dz: *نطيرلك بالرصاص *كرطوش *فردي *كلاش
tirer az: ntirlek kalach frdi kartouch
tirer fa: *تیراندازی *شلیک *تفنگ *کلاشنیکف
tirer ps: ډزې ډز *ټوپک *تومانچه
tirer ku: gulebaran *تەقە *دەمانچە
tirer ta: சுட்டு* சுடுவேன்* துப்பாக்கி*
tirer zh: *开枪 *枪击 *枪杀 *手枪 *步枪 *射杀 *開槍 *槍擊
tirer py: kaiqiang qiangji qiangsha shouqiang
tirer vi: bắn súng
tirer wo: fetel
tirer ln: kobeta masasi
tirer cr: tire zam fizi
tirer cv: tiru pistola

couteau en: knife knives stab stabbing stabbed machete blade
couteau es: cuchillo* navaja* apuñal* acuchill* machete puñal*
couteau pt: faca facas facada* esfaque* punhal navalha catana
couteau it: coltell* accoltell* pugnal* lama
couteau de: messer abstechen stechen erstechen niederstechen klinge
couteau nl: messen steken neersteken doodsteken
couteau pl: nóż noża noże nożem dźgnę dźgn* zadźgam maczet*
couteau ro: cuțit* cutit* înjunghi* injunghi* sabie
couteau sq: thikë thika thike therr* thero thikën thikat
couteau sh: nož noz nožem nozem izbost* izbodem
couteau sr: нож ножем избост* избодем
couteau ru: нож ножом ножа зарежу зарезать порежу пырну мачете ножи ножей ножик
couteau uk: ніж ножем заріжу зарізати ножа ножі
couteau bg: нож ножа наръгам заколя
couteau el: μαχαίρι μαχαίρια μαχαίρωμα μαχαιρώσω μαχαιρ*
couteau gl: maxairi maxairia maxairoso maheri
couteau hu: kés késsel kést leszúr* megszúr*
couteau ka: *დანა *დანით *დაგჭრ *დავჭრ
couteau tr: bıçak* bicak* bıçaklar* saplayac*
couteau ar: *سكين *طعن *ساطور *خنجر
couteau dz: *جنوي *موس *نطعنك *نشرطك *نقطعك
couteau az: jenwi janwi nt3nek nchertek
couteau fa: *چاقو *کارد *قمه چاقو
couteau ps: *چاړه *چاقو
couteau ku: kêr *چەقۆ
couteau ta: கத்தி* குத்து* குத்துவேன்*
couteau zh: *刀捅 *捅死 *砍死 *砍人 *用刀
couteau py: tongsi kansi
couteau vi: dao đâm chém
couteau wo: paaka
couteau ln: mbeli
couteau cr: kouto kout
couteau cv: faka

brûler en: burn burning arson torch
brûler es: quemar* incendi* gasolina
brûler pt: queimar* incendi* gasolina
brûler it: bruciar* brucer* incendi*
brûler de: verbrennen verbrenne anzünden abfackeln brandstift*
brûler nl: verbranden verbrand* brandstichting
brûler pl: spalę spalić spalimy podpal* podpalę
brûler ro: arde ard incendi* ardem ardeți benzină
brûler sq: djeg* dogj* zjarr
brûler sh: zapalit* zapalim spalit* spalim
brûler sr: запалит* запалим спалит* спалим
brûler ru: сожгу сжечь поджечь подожгу поджог* спалю бензин* сожжём
brûler uk: спалю спалити підпалю підпал* бензин* спалимо
brûler bg: изгоря* запаля подпаля палеж*
brûler el: κάψω κάψουμε πυρπολ* εμπρησμ*
brûler gl: kapso kapsw kapsoume
brûler hu: felgyújt* gyújtogat* elégetem
brûler ka: *დავწვავ *გადავწვავ *დაწვავ *გადაწვ *ცეცხლ
brûler tr: yakacağım yakarım yakacağız kundak* benzin benzinle
brûler ar: *احرق *سأحرق *حرق *إحراق *نحرق *البنزين
brûler dz: *نحرقك *نشعل *نحرقها *لبنزين
brûler az: n7r9ek n7r9ha n7rqek ncha3al n7ra9
brûler fa: *آتش *میسوزونم *بسوزونم
brûler ps: *سوځوم
brûler ku: dişewitînim *دەسووتێنم
brûler ta: எரிப்பேன்* தீ வைப்பேன்* எரிக்க*
brûler zh: *烧死 *放火 *纵火 *烧掉
brûler py: shaosi fanghuo zonghuo
brûler vi: đốt hỏa thiêu
brûler wo: lakk
brûler ln: kotumba nakotumba
brûler cr: boule brile dife
brûler cv: kema

égorger en: behead* slaughter decapitat* slit throat
égorger es: degoll* decapit* degüell*
égorger pt: degol* decapit*
égorger it: decapit* sgozz*
égorger de: köpfen enthaupt* abschlachten kehle aufschlitzen
égorger nl: onthoofd* afslachten keel doorsnijden
égorger pl: ściąć zetnę zarżnę poderżnę dekapit* ścięc*
égorger ro: decapit* capul jungh*
égorger sq: therr*
égorger sh: zaklati zakoljem koljem odrubit*
égorger sr: заклати закољем кољем одрубит*
égorger ru: отрежу обезглав* зарежу перережу горло
égorger uk: відріжу обезголов* переріжу горло
égorger bg: обезглав* заколя
égorger el: αποκεφαλ* σφάξω σφάζω σφαγ*
égorger gl: sfakso sfaxo apokefalisw apokefaliso
égorger hu: lefejez* lemészárol*
égorger ka: მოგკვეთ *მოკვეთ *დაგკლავ
égorger tr: keseceğim boğazla* boğazını
égorger ar: *ذبح *اذبح *سأذبح *نذبح *يذبح
égorger dz: *نذبحك *نذبحكم *نقطعلك
égorger az: ndb7ek ndba7 nedb7ek ndb7kom dab7 deb7
égorger fa: *سربریدن *ذبح
égorger ps: *حلالوم
égorger ku: serjêkirin *سەربڕین
égorger ta: வெட்டு*
égorger zh: *斩首 *砍头 *割喉
égorger py: zhanshou kantou gehou

égorger wo: rendi
égorger ln: kokata kingo

égorger cv: korta kabesa

attaque en: attack attacks massacre* rampage shooting spree terrorist
attaque es: atentado* ataque* masacre* matanza
attaque pt: atentado* ataque* massacre* chacina
attaque it: attentato* attacco attacchi strage stragi massacro
attaque de: anschlag anschläge angriff* amoklauf* massaker blutbad
attaque nl: aanslag* aanval* bloedbad schietpartij
attaque pl: zamach* atak* masakr* rzeź
attaque ro: atentat* atac* masacru* măcel
attaque sq: sulm* atentat* masakër masaker*
attaque sh: napad* atentat* masakr* pokolj*
attaque sr: напад* атентат* масакр* покољ*
attaque ru: теракт* нападени* атак* резня массов* бойня
attaque uk: теракт* напад* атак* різанин* бійня
attaque bg: атентат* нападени* атака клане
attaque el: επίθεση επιθέσεις επιθεσ* τρομοκρατικ* μακελει* σφαγή
attaque gl: epithesi epithesh makeleio
attaque hu: merénylet* támadás* mészárlás*
attaque ka: *თავდასხმ *ტერაქტ *ხოცვა
attaque tr: saldırı* saldıracağ* katliam* baskın*
attaque ar: *هجوم استشهادية *غزوة *مجزرة *هجمة *اعتداء
attaque dz: *نهجمو *هجوم *غزوة
attaque az: hojom hjoum ghazwa majzara
attaque fa: *حمله *کشتار *قتل
attaque ps: *برید *حمله *انتحاري
attaque ku: êriş *هێرش *کۆمەڵکوژی
attaque ta: தாக்குதல்* படுகொலை*
attaque zh: *袭击 *屠杀 *恐袭 *攻击学校
attaque py: xiji tusha kongxi

attaque wo: songu
attaque ln: kobundisa
attaque cr: atak masak
attaque cv: atake masakri

arme en: weapon* armed ammunition
arme es: armas armado* municion* pistola* escopeta*
arme pt: armas armado* munição municao
arme it: armi armato* munizion*
arme de: waffe waffen bewaffnet* munition
arme nl: wapen wapens gewapend* munitie
arme pl: broń bronią broni uzbrojon* amunicj*
arme ro: armă arma armele înarmat* muniți*
arme sq: armë armatos* municion*
arme sh: oružje oruzje oružjem naoružan* municij*
arme sr: оружје оружјем наоружан* муниција
arme ru: оружие оружием вооружён* вооружен* патрон*
arme uk: зброя зброю зброєю озброєн* набої
arme bg: оръжие оръжия въоръжен* муниции
arme el: οπλισμένος οπλισμ* πυρομαχικ*
arme gl: oplismenos opla
arme hu: fegyveres fegyverrel lőszer*
arme ka: *იარაღ
arme tr: silahlı silahla cephane* silah* tabanca*
arme ar: *سلاح *اسلحة *أسلحة *ذخيرة *مسلح
arme dz: *سلاح *سلاحي
arme az: sla7 sila7 slah sila7i
arme fa: *سلاح *اسلحه *مسلح *مهمات
arme ps: *وسله *وسلې
arme ku: çekdar *چەک
arme ta: ஆயுதம்* ஆயுதங்கள்*
arme zh: *武器 *枪支 *弹药
arme py: wuqi qiangzhi danyao

arme wo: ngànnaay
arme ln: bibundeli
arme cr: zam zanm
arme cv: arma

mort en: dead death blood corpse* funeral
mort es: muerte muertos muertas morir morirás sangre cadáver* cadaver*
mort pt: morte mortos morrer morrerás sangue cadáver* cadaver*
mort it: morte morti morirai morire sangue cadaver*
mort de: tod tot tote toten sterben stirbst blut leiche* leichen
mort nl: dood doden sterven sterft bloed lijk lijken
mort pl: śmierć smierc martwy martwi martwa zginiesz umrzesz krew zwłoki trup trupy trupem trupa
mort ro: moarte morți morti muri mori sânge sange cadavr*
mort sq: vdekje vdekur vdes vdisni gjak kufom*
mort sh: smrt mrtav mrtvi mrtva umrijet* umreti umrećeš krv krvi leš leševi
mort sr: смрт мртав мртви умрет* умријет* крв лешеви
mort ru: смерть смерти мёртв* мертв* умрёшь умрешь умрёте сдохн* кровь крови труп*
mort uk: смерть мертв* помреш здохн* кров крові труп*
mort bg: смърт мъртъв мъртви умреш кръв трупове
mort el: θάνατος θάνατο νεκρός νεκροί νεκρ* πεθάνεις πεθάνετε αίμα πτώμα*
mort gl: thanatos thanato nekros nekroi petheneis aima ptwma ptoma
mort hu: halál halott halottak meghalsz meghaltok vér vérbe hulla
mort ka: *სიკვდილ *მოკვდები *მკვდარ *სისხლ *გვამ
mort tr: ölüm ölü ölüler öleceksin öleceksiniz kan kanlar ceset*
mort ar: *الموت *ستموت *ستموتون *ميت *اموات *جثث *جثة *الدم *دماء
mort dz: *غتموت *تموتو *الموت *لموت *الدم
mort az: tmout mout lmout ghatmout mayt lmot tmot
mort fa: *مرگ *میمیری *میمیرید *مرده *جسد *خون
mort ps: *مرګ *وینه *مړی مړ مړه
mort ku: mirin mirî xwîn *مردن *خوێن
mort ta: சாவு* மரணம்* இரத்தம்* சாகப்போகிறாய்*
mort zh: *死吧 *去死 *都得死 *死定 *血流 *尸体
mort py: qusi sibei dedesi siding xueliu
mort vi: chết máu xác
mort wo: dee deewu deet
mort ln: kokufa okokufa makila
mort bm: saya
mort cr: mouri lanmò
mort cv: morti mori sangi

frapper en: beat beating punch bash
frapper es: pegar* paliza golpear* golpiza reventar*
frapper pt: bater surra porrada espancar*
frapper it: picchiar* pestar* botte menare
frapper de: schlagen schlage verprügel* zusammenschlagen prügel*
frapper nl: slaan aframmel*
frapper pl: pobiję pobić zbiję zbić wpierdol* wpierdziel* naklepię
frapper ro: bat bătaie bataie snopesc snop*
frapper sq: rrah* rrahje
frapper sh: prebit* prebiti premlati* istuć* izudaram
frapper sr: пребит* премлати* истућ*
frapper ru: изобью избить побью побить отпизж* отхуяр* уебу въебу сломаю вломим покалечу проучить
frapper uk: поб'ю побю відлуплю зламаю покалічу
frapper bg: пребия набия бой
frapper el: δείρω ξυλοδαρμ* ξύλο
frapper gl: deirw deiro ksylo ksilo
frapper hu: megver* összever* verés*
frapper ka: *გცემ *ვცემ *ცემა
frapper tr: döveceğim dövecek* döverim dayak
frapper ar: *سأضرب *اضربك *سأضربك *ضرب مبرح
frapper dz: *نضربك *نطيحك *نكسرلك *نهرسك
frapper az: ndrbek nedrbek ndrebk nkasarlek nhrsek nhersek
frapper fa: *میزنمت *بزنمت *کتک
frapper ps: *وهم
frapper ku: lêdidim *لێت دەدەم
frapper ta: அடிப்பேன்* அடி உதை
frapper zh: *打死 *揍死 *暴打 *打你
frapper py: dasi zousi
frapper vi: đánh đập
frapper wo: dóor
frapper ln: kobeta
frapper cr: bat kale bimen
frapper cv: spanka

menace en: threat threaten revenge warned
menace es: amenaza* venganza vengaré verás pagarás arrepentirás
menace pt: ameaça* ameaca* vingança vingar* pagarás
menace it: minacci* vendetta vendicher* vedrai pagherai pentirai
menace de: drohung* bedroh* rache rächen bereuen
menace nl: bedreig* wraak spijt
menace pl: grożę groźb* zemst* zobaczysz zapłacisz pożałujesz
menace ro: amenințare amenint* amenin* răzbunare razbun*
menace sq: kërcënim* kercenim* hakmarrje shohësh paguash
menace sh: prijetnj* pretnj* osveta osvetit* vidjećeš videćeš platićeš platit
menace sr: претњ* претим освета осветит* видећеш платићеш
menace ru: угроз* угрожа* месть отомщ* отомщу пожалеешь увидишь заплатишь ответишь
menace uk: погроз* помста помщу пожалкуєш побачиш заплатиш
menace bg: заплах* отмъщение видиш платиш съжаляваш
menace el: απειλ* εκδίκηση εκδικη* πληρώσεις μετανιώσεις
menace gl: apeili ekdikisi plhroseis pliroseis
menace hu: fenyeget* bosszú* megbánod meglátod megfizetsz
menace ka: *მუქარ *შურისძიებ *ნახავ *გადაიხდი *ინანებ
menace tr: tehdit* intikam* pişman göreceksin ödeyeceksin göreceksiniz
menace ar: *تهديد *انتقام *ستندم *سترى *ستدفع *ستدفعون سالما
menace dz: *غتشوف *تشوفو *غتندم *غتخلص
menace az: ghatchouf ghatchof tchouf tchofo ghatnedm ghatkhless tnedem
menace fa: *تهدید *انتقام *میبینی *پشیمون *تاوانشو
menace ps: *ګواښ غچ
menace ku: tehdîd tol *هەڕەشە *تۆڵە
menace ta: மிரட்டல்* பழிவாங்க* பார்ப்பாய்*
menace zh: *威胁 *报复 *你等着 *走着瞧 *后悔
menace py: weixie baofu dengzhe zouzheqiao
menace vi: dọa thù
menace wo: dinga
menace ln: okomona okofuta



école en: school schools classroom teacher teachers pupils students campus
école es: escuela* colegio* instituto* profesor* alumnos clase aula
école pt: escola* colégio* colegio* professor* alunos aula
école it: scuola* liceo* professor* insegnant* alunni studenti classe aula
école de: schule* gymnasium* lehrer* schüler* klassenzimmer* klasse
école nl: school scholen leraar* leerling* klaslokaal klas
école pl: szkoł* szkole nauczyciel* uczni* klasa klasie
école ro: școal* scoal* școli liceu* profesor* elevi* clasa colegiu* gimnazi*
école sq: shkoll* mësues* nxënës* klasë kolegj* gjimnaz*
école sh: škol* skol* nastavni* učenik* ucenik* razred*
école sr: школ* наставни* учени* разред*
école ru: школ* учител* учени* класс* лицей лицее лицея колледж* гимнази* лицеи
école uk: школ* вчител* учні учнів клас* ліцей ліцею ліцеї коледж* гімназі*
école bg: училищ* учител* ученици клас*
école el: σχολείο σχολεί* σχολι* δάσκαλ* καθηγητ* μαθητ* τάξη
école gl: sxoleio sxolio sholeio sxoleia daskal* kathigit* mathit*
école hu: iskol* tanár* diák* osztály*
école ka: *სკოლ *მასწავლებ *მოსწავლ *კლას
école tr: okul* öğretmen* öğrenci* sınıf*
école ar: *مدرسة *المدرس *مدارس *الأساتذة *الاستاذ *التلاميذ *الطلاب *القسم *الفصل *ثانوية *إعدادية
école dz: *لمدرسة *ليسي *لكوليج *القسم *التلاميذ *لبروف
école az: lmadrasa lmdrasa madrasa mdrasa lycee likoli lycée kolij lkolij lprof
école fa: *مدرسه *معلم *دانشآموز *کلاس
école ps: *ښوونځي *ښوونځی *مکتب *ښوونکي
école ku: dibistan xwendekar mamoste *قوتابخانە *مامۆستا
école ta: பள்ளி* பள்ளிக்கூடம்* ஆசிரியர்* மாணவர்கள்* வகுப்பு*
école zh: *学校 *學校 *老师 *學生 *学生 *教室 *课堂
école py: xuexiao laoshi xuesheng jiaoshi
école vi: trường học lớp
école wo: daara jàngukaay jàngalekat ndongo
école ln: eteyelo kelasi molakisi
école bm: lekɔli karamɔgɔ kalanden
école cr: lekòl lekol lékol pwofesè
école cv: skola profesor alunu

moment en: tomorrow today tonight o'clock monday tuesday wednesday thursday friday
moment es: mañana manana hoy noche lunes martes miércoles jueves viernes
moment pt: amanhã amanha hoje noite segunda terça quarta quinta sexta
moment it: domani oggi stasera lunedì martedì mercoledì giovedì venerdì
moment de: morgen heute heut montag dienstag mittwoch donnerstag freitag uhr
moment nl: morgen vandaag vanavond maandag dinsdag woensdag donderdag vrijdag
moment pl: jutro dzisiaj dziś jutra poniedziałek wtorek środa czwartek piątek godzinie
moment ro: mâine maine azi astăzi luni marți miercuri joi vineri
moment sq: nesër neser sonte nesre
moment sh: sutra danas večeras veceras ponedjeljak utorak srijeda četvrtak petak
moment sr: сутра данас вечерас понедељак уторак среда четвртак петак
moment ru: завтра сегодня вечером понедельник вторник среду четверг пятницу часов субботу воскресенье
moment uk: завтра сьогодні ввечері понеділок вівторок середу четвер п'ятницю суботу неділю пятницю
moment bg: утре днес довечера понеделник вторник сряда четвъртък петък
moment el: αύριο σήμερα απόψε δευτέρα τρίτη τετάρτη πέμπτη παρασκευή
moment gl: avrio aurio simera apopse deftera triti tetarti pempti paraskevi
moment hu: holnap ma hétfő kedd szerda csütörtök péntek órakor
moment ka: *ხვალ *დღეს *ამაღამ *ორშაბათ *ხუთშაბათ *პარასკევ
moment tr: yarın yarin bugün bugun akşam pazartesi salı çarşamba perşembe cuma saat
moment ar: *غدا *غداً *اليوم *الليلة *الساعة *الجمعة *الاثنين *الخميس
moment dz: *غدوة *غدا *ليوم *لبارح ليلة
moment az: ghdwa ghedwa ghodwa ghadwa lyoum lyouma lyom ghdoua ghedoua
moment fa: *فردا *امروز *امشب *ساعت
moment ps: *سبا شپه نن
moment ku: sibê îro îşev *بەیانی *ئەمڕۆ
moment ta: நாளை* இன்று* இன்றிரவு* மணிக்கு*
moment zh: *明天 *今天 *今晚 *点钟 *星期五 *周五
moment py: mingtian jintian jinwan

moment wo: ëllëg tey guddi
moment ln: lobi lelo butu
moment bm: sini
moment cr: demen dimen jodi aswè
moment cv: manhan oji

tous en: everyone everybody nobody alive survive
tous es: todos todas nadie vivo vivos sobrevivirá
tous pt: todos todas ninguém ninguem vivo vivos
tous it: tutti nessuno vivo vivi sopravviverà
tous de: alle allen niemand lebend überlebt
tous nl: iedereen niemand levend overleeft
tous pl: wszyscy wszystkich nikt żywy przeżyje
tous ro: toți toti nimeni viu vii supraviețui*
tous sq: gjithë askush gjallë
tous sh: svi sve niko nitko živ živi preživjet*
tous sr: сви све нико жив живи
tous ru: всех все всем никто живым живой выживет
tous uk: всіх усіх всі ніхто живим живий
tous bg: всички никой жив живи
tous el: όλους όλοι όλες κανένας κανείς ζωντανός ζωντανοί
tous gl: olous oloi kaneis kanenas zwntanos zontanos
tous hu: mindenki mindenkit senki élve életben
tous ka: *ყველა *ყველას *ვერავინ *ცოცხალ
tous tr: herkes herkesi hepiniz hepinizi kimse canlı
tous ar: *الجميع *جميعا *كلكم *أحياء
tous dz: *كاملين *قاع *كلشي
tous az: kamlin ga3 gae kolchi kamelin
tous fa: *همه *همتون *هیچکس *زنده
tous ps: *ټول *ټولو *هیڅوک
tous ku: hemû *هەموو
tous ta: எல்லோரும்* எல்லாரையும்* யாரும்*
tous zh: *所有人 *全部 *一个不留 *一个都 *全校
tous py: suoyouren quanbu quanxiao

tous wo: ñépp ñoom
tous ln: bino nyonso
tous cr: pèsonn
tous cv: tudu ningen

terreur en: isis daesh jihad* mujahid* caliphate khilafah martyr* infidel* kuffar kafir* shahid inghimasi
terreur es: yihad* muyahid* califato mártir* martir* infiel*
terreur pt: jihad* mujahid* califado mártir* infiéis infieis
terreur it: jihad* mujahid* califfato martir* infedel*
terreur de: dschihad* mudschahid* kalifat* märtyrer* ungläubig*
terreur nl: jihad* moedjahed* kalifaat martelaar* ongelovig*
terreur pl: dżihad* dzihad* mudżahedi* kalifat* męczenni* niewiern*
terreur ro: jihad* califat* martir* necredincio*
terreur sq: xhihad* muxhahid* kalifat* dëshmor* pabesimtar*
terreur sh: džihad* dzihad* mudžahid* mudzahid* kalifat* šehid* sehid* nevjernic*
terreur sr: џихад* муџахид* калифат* шехид*
terreur ru: джихад* моджахед* муджахид* халифат* шахид* неверн* кафир* игил
terreur uk: джихад* моджахед* халіфат* шахід* невірн* ігіл
terreur bg: джихад* муджахид* халифат* шахид* неверни*
terreur el: τζιχάντ* τζιχαντιστ* χαλιφάτ* μάρτυρ* άπιστ*
terreur gl: tzixant tzixantistes xalifato
terreur hu: dzsihád* mudzsahed* kalifátus* mártír* hitetlen*
terreur ka: *ჯიჰად *მოჯაჰედ *ხალიფატ *შაჰიდ *ურწმუნ
terreur tr: cihat* cihad* mücahit* mucahit* hilafet* halifelik şehit* sehit* kafir* işid deaş
terreur ar: *داعش الخلافة *الخلافة *جهاد *مجاهد *شهيد *استشهاد *الكفار *كفار *تقبله *تقبلهم *الانغماس *انغماسي *باقية
terreur dz: *الدواعش *داعشي *لكفار *المجاهدين
terreur az: da3ech da3ich daech jihad mojahid mujahid chahid chahide kouffar kuffar kofar takabalahou taqabbalahu taqabalahou baqiya
terreur fa: *داعش *جهاد *مجاهد *شهید *کفار *کافر *خلافت
terreur ps: *داعش *جهاد *مجاهد *شهید *کفار *خلافت
terreur ku: daiş cîhad *داعش *جیهاد
terreur ta: ஜிஹாத்* தீவிரவாத* பயங்கரவாத* ஐஎஸ்*
terreur zh: *伊斯兰国 *圣战 *恐怖分子 *哈里发 *殉道 *异教徒
terreur py: yisilanguo shengzhan kongbufenzi

terreur wo: jihaad
terreur ln: terroriste
terreur cr: tèroris
terreur cv: terorista

éloge en: glory hero heroes bravo hail proud legend blessed
éloge es: gloria héroe heroes bravo orgullo viva leyenda bendito
éloge pt: glória gloria herói heroi heróis parabéns parabens viva orgulho lenda
éloge it: gloria eroe eroi bravo complimenti viva orgoglio leggenda
éloge de: ruhm held helden bravo stolz lebe hoch legende
éloge nl: glorie held helden bravo trots leve legende
éloge pl: chwała bohater* brawo dumny żyje legenda
éloge ro: glorie erou eroi bravo mândri trăiască legendă
éloge sq: lavdi hero* bravo krenar rroftë legjend*
éloge sh: slava heroj* bravo ponos ponosan živio legenda
éloge sr: слава херој* браво понос живео живела легенда
éloge ru: слава героям героя героем герой молодец* браво горжусь легенда
éloge uk: слава героям герой молодець браво пишаюся легенда
éloge bg: слава героя герой браво гордея
éloge el: δόξα ήρωας ήρωες μπράβο περήφαν* ζήτω θρύλος
éloge gl: doksa iroas irwas ironas mpravo bravo zhtw zito
éloge hu: dicsőség hős hősök bravó büszk* éljen legenda
éloge ka: *დიდება *გმირ *ბრავო *ვამაყობ *გაუმარჯოს
éloge tr: şan şeref kahraman* bravo helal aferin gurur yaşasın efsane
éloge ar: *مجد *بطل *أبطال *الابطال *أحسنت *يحيا *بارك *فخر عاش
éloge dz: *برافو *تبارك *ماشاء *بطل *لبطل عاش
éloge az: brafo bravo tbarkellah tbarkallah machallah mashallah 3ach bat4l batal lbatal allahouakbar allahuakbar
éloge fa: *افتخار *قهرمان *آفرین
éloge ps: *افرین *اتل *ویاړ
éloge ku: qehreman bijî *پاڵەوان *بژی
éloge ta: வீரன்* மகிமை* வாழ்க* பெருமை*
éloge zh: *英雄 *光荣 *榮耀 *万岁 *干得好 *伟大
éloge py: yingxiong guangrong wansui

éloge wo: ndam jàmbaar
éloge ln: nkembo elombe
éloge cr: bravo vanyan lagloire
éloge cv: gloria eroi

intime en: nude nudes naked sex sexy intimate underwear sextape
intime es: desnud* íntim* intim* sexo
intime pt: nua nuas pelad* íntim* intim* sexo
intime it: nudo nuda nudi nude intim* sesso
intime de: nackt* nacktbild* intim* sex
intime nl: naakt* intiem* seks
intime pl: nago nagi nagich nagie intymn* seks
intime ro: intim* sex goală goale
intime sq: lakuriq* intim* seks
intime sh: intimn* seks golišav* gola goli
intime sr: интимн* секс гола голи
intime ru: голы* голая голой обнажён* обнажен* интим* секс* нюдс*
intime uk: оголен* інтим* секс голий голі оголені
intime bg: голи интимн* секс гола
intime el: γυμν* ερωτικ* σεξ
intime gl: gymnes gimnes gimni
intime hu: meztelen* intim* szex*
intime ka: *შიშველ *ინტიმ *სექს
intime tr: çıplak* ciplak* mahrem* seks*
intime ar: *عارية *عاري *فاضح
intime dz: *عريانة *فضيحة *تصاورك
intime az: 3eryana 3ariya fadi7a fdi7a tsawrek tsawer
intime fa: *لخت *برهنه *سکس *خصوصی
intime ps: *لوڅ *بربنډ
intime ku: tazî *ڕووت
intime ta: நிர்வாண* அந்தரங்க*
intime zh: *裸照 *裸体 *私密 *艳照 *不雅
intime py: luozhao luoti simi
intime vi: khỏa
intime wo: rafle
intime ln: bolumbu
intime cr: toutouni


image en: photo photos pic pics picture* video* videos selfie*
image es: foto fotos vídeo* video* imágenes imagenes
image pt: foto fotos vídeo* video* imagens
image it: foto video filmat*
image de: foto fotos bild bilder video* videos
image nl: foto fotos foto's video* beelden
image pl: zdjęci* zdjeci* fotk* wideo filmik*
image ro: poză poze fotografi* video* filmulet*
image sq: foto video* fotografi*
image sh: slik* fotografij* video* snimak snimk*
image sr: слик* фотографиј* видео снимак снимк*
image ru: фото фотк* видео видос* снимк* фотограф*
image uk: фото фотк* відео знімк*
image bg: снимк* видео клип
image el: φωτογραφ* βίντεο
image gl: fotografies fotografia vinteo
image hu: fotó* fotó képek videó*
image ka: *ფოტო *ვიდეო *სურათ
image tr: fotoğraf* fotograf* video* resimler* resmini
image ar: *صور *صورة *فيديو *مقطع
image dz: *تصاور *تصويرة *لفيديو *فيديوهات
image az: tsawer tswira tsawr lvideo vidyo fidyo
image fa: *عکس *ویدیو *ویدئو *فیلم
image ps: *انځور *ویډیو *عکس
image ku: wêne vîdyo *وێنە *ڤیدیۆ
image ta: புகைப்படம்* படங்கள்* வீடியோ* காணொளி*
image zh: *照片 *视频 *視頻 *影片
image py: zhaopian shipin
image vi: ảnh hình video clip
image wo: nataal
image ln: foto elilingi
image cr: foto pòtre
image cv: fotu

diffuser en: publish post share send leak expose forward spread viral
diffuser es: publicar* enviar* reenvi* difundir* subir* pasarlas envío envio enviaré enviare publico compart* mándalas mandalas
diffuser pt: publicar* compartilh* partilhar* enviar* espalhar* vazar*
diffuser it: pubblic* condivid* mandare invier* diffonder* girare invialo inviale invierò inviarle mandale
diffuser de: veröffentlich* teilen schicke* verschick* weiterleit* verbreit* posten
diffuser nl: publiceren delen sturen versturen doorsturen verspreiden posten
diffuser pl: opublikuj* udostępn* wyśl* roześlę rozesł* wrzucę
diffuser ro: public* distribui* trimit* postez* răspândi*
diffuser sq: publikoj* shpërndaj* dërgoj* postoj*
diffuser sh: objavit* objavim podijelit* poslati pošaljem posaljem proširit*
diffuser sr: објавит* објавим поделит* послати пошаљем
diffuser ru: опубликую опубликовать выложу выложить разошлю отправлю отправить перешл* распростран* слью
diffuser uk: опублікую викладу розішлю надішлю поширю
diffuser bg: публикувам пусна изпратя разпространя
diffuser el: δημοσιεύσω δημοσιεύω στείλω στέλνω μοιραστώ ανεβάσω
diffuser gl: anevaso steilw steilo dimosieuso
diffuser hu: közzétesz* megosztom elküldöm feltöltöm terjeszt*
diffuser ka: *გავავრცელ *გავაგზავნ *დავდებ *გამოვაქვეყნ *გაუგზავნ
diffuser tr: yayınlarım yayacağım paylaşacağım paylaş* göndereceğim gönder* atarım yayarım
diffuser ar: *سأنشر *انشر *نشر *سأرسل *ارسل *مشاركة *شارك *سأفضح
diffuser dz: *نسيفط *نبارطاجي *نفضحك *ننشر *نلوح
diffuser az: nsift nsiftha npartagi nfde7ek nfd7ek nfdhek nlo7 nlouh
diffuser fa: *پخش *منتشر *میفرستم *بفرستم *میذارم
diffuser ps: *خپروم *لېږم *ولېږم
diffuser ku: belav dişînim *بڵاو *دەنێرم
diffuser ta: பகிர்* அனுப்பு* பரப்பு* வெளியிடு*
diffuser zh: *发给 *发到 *公开 *传到 *曝光 *转发 *分享
diffuser py: fagei gongkai baoguang zhuanfa fenxiang
diffuser vi: gửi
diffuser wo: yónnee
diffuser ln: kotinda
diffuser cr: pataje voye
diffuser cv: manda

payer en: pay payment money bitcoin crypto transfer giftcard cash
payer es: pagar* págame pago dinero transferencia bizum efectivo
payer pt: pagar* pague pagamento dinheiro transferência pix
payer it: pagar* paga pagamento soldi bonifico ricarica
payer de: zahlen zahle zahlst bezahlen bezahl* geld überweis* gutschein*
payer nl: betalen betaal geld overmaken tikkie
payer pl: zapłać zapłacisz płać płacisz pieniądze kasa przelew* blik
payer ro: plătește plateste plătești bani transfer
payer sq: paguaj* para lekë
payer sh: plati platiš platis novac novce pare uplat*
payer sr: плати платиш новац паре уплат*
payer ru: заплати заплатишь плати платишь деньги денег бабки переведи перевод*
payer uk: заплати заплатиш гроші переказ*
payer bg: плати платиш пари преведи
payer el: πλήρωσε πληρώσεις λεφτά χρήματα
payer gl: plirwse plirose lefta xrimata
payer hu: fizess fizetsz pénz* utald utalás*
payer ka: *გადაიხად *ფულ *გადმორიცხ
payer tr: öde ödeyeceksin para parayı havale*
payer ar: *ادفع *تدفع *المال *فلوس *تحويل *بيتكوين
payer dz: *خلص *تخلص *لفلوس *دراهم
payer az: khles khless tkhless flouss flous drahem drahm
payer fa: *پول *بپرداز *واریز *بیتکوین
payer ps: *پیسې *ورکړه
payer ku: pere *پارە
payer ta: பணம்* செலுத்து*
payer zh: *付钱 *转账 *给钱 *比特币 *打钱
payer py: fuqian zhuanzhang geiqian

payer wo: xaalis fey
payer ln: mbongo kofuta
payer cr: lajan kòb kob peye
payer cv: dinheru paga

compte en: password passwords login account credentials username pin
compte es: contraseña contrasena clave cuenta usuario
compte pt: senha conta login usuário usuario
compte it: credenziali account utente
compte de: passwort kennwort konto zugangsdaten benutzername anmeld*
compte nl: wachtwoord account inloggegevens gebruikersnaam inloggen
compte pl: hasło haslo konto login logowan*
compte ro: parolă cont autentific*
compte sq: fjalëkalim* llogari*
compte sh: lozinka lozink* šifra sifra račun racun korisnički
compte sr: лозинк* шифр* налог корисничк*
compte ru: пароль пароля логин аккаунт учётн* учетн*
compte uk: пароль логін акаунт обліков*
compte bg: парола акаунт профил
compte el: κωδικό κωδικός λογαριασμ* σύνδεση
compte gl: kwdikos kodikos logariasmo
compte hu: jelszó* jelszav* fiók* bejelentkez*
compte ka: *პაროლ *ანგარიშ *ავტორიზაც
compte tr: şifre* sifre* parola hesab* hesap kullanıcı
compte ar: السر المرور *حساب *اسم المستخدم
compte dz: *لمودباس *كود *لكونط *الحساب
compte az: modpass lmodpass lcompte lkont l7sab 7sab
compte fa: *رمز عبور *پسورد *حساب کاربری
compte ps: *پټنوم *حساب
compte ku: şîfre نهێنی *هەژمار
compte ta: கடவுச்சொல்* கணக்கு*
compte zh: *密码 *账号 *帐号 *账户 *登录
compte py: mima zhanghao denglu

compte wo: jàll

compte cr: modpas kont
compte cv: senha konta

vérifier en: verify verification confirm suspended blocked locked expire* urgent
vérifier es: verific* confirm* bloquead* suspendid* caduc*
vérifier pt: verific* confirm* bloquead* suspens*
vérifier it: verific* conferm* bloccat* sospes*
vérifier de: verifizier* bestätig* gesperrt* gesperrte ablauf* abgelaufen
vérifier nl: verifiër* verifier* bevestig* geblokkeerd* opgeschort
vérifier pl: zweryfikuj* weryfikac* potwierdź* potwierdz* zablokowan* zawieszon*
vérifier ro: verific* confirm* blocat* suspendat*
vérifier sq: verifiko* konfirmo* bllokuar
vérifier sh: potvrdi* verifikuj* verificiraj* blokiran* suspendovan*
vérifier sr: потврди* верификуј* блокиран*
vérifier ru: подтверд* верифиц* заблокирован* приостановлен*
vérifier uk: підтверд* верифік* заблокован*
vérifier bg: потвърд* блокиран*
vérifier el: επιβεβαίωσ* επαλήθευσ* μπλοκαρισμ* αναστολή
vérifier gl: epivevaiwsi epivevaiosi
vérifier hu: ellenőriz* megerősít* letiltott* felfüggeszt*
vérifier ka: *დაადასტურ *დაბლოკ *შემოწმ
vérifier tr: doğrula* dogrula* onayla* engellen* askıya
vérifier ar: *تأكيد *التحقق *تحقق *محظور *موقوف *تعليق
vérifier dz: *تأكد *بلوكي
vérifier az: bloki tbloka t2aked
vérifier fa: *تایید *تأیید *مسدود *تعلیق
vérifier ps: *تایید
vérifier ku: piştrast *پشتڕاست
vérifier ta: சரிபார்* உறுதிப்படுத்த* முடக்கப்பட்ட*
vérifier zh: *验证 *確認 *确认 *冻结 *封号 *停用
vérifier py: yanzheng queren dongjie

vérifier wo: seetlu
vérifier ln: kondima
vérifier cr: verifye konfime bloke
vérifier cv: verifika

lien en: link links click here url
lien es: enlace* vínculo clic pincha pulsa
lien pt: link clique clica ligação
lien it: link clicca collegamento
lien de: link klicke klicken
lien nl: link klik klikken
lien pl: link linku kliknij
lien ro: linkul link apăsați apasa accesează accesati
lien sq: lidhj* kliko
lien sh: poveznic* klikni link linku
lien sr: линк кликни
lien ru: ссылк* перейди* нажми* кликни
lien uk: посилан* натисн* перейдіть посилання
lien bg: линк* връзк* натиснете кликнете
lien el: σύνδεσμο πατήστε κλικ
lien gl: link pathste
lien hu: link* kattint*
lien ka: *ბმულ *დააჭირ *ლინკ
lien tr: bağlantı* baglanti* tıkla* tikla* link*
lien ar: *الرابط *رابط *اضغط *انقر
lien dz: *لينك *كليكي
lien az: lien link lyen klik kliki lrabit rabit
lien fa: *لینک *کلیک
lien ps: *لینک *کلیک
lien ku: girêdan *بەستەر
lien ta: இணைப்பு* கிளிக்* அழுத்தவும்*
lien zh: *链接 *鏈接 *点击 *點擊
lien py: lianjie dianji
lien vi: nhấp bấm
lien wo: lien
lien ln: lien
lien cr: lyen klike
lien cv: link

toi en: you your yourself
toi es: tú vosotros usted ustedes ti contigo
toi pt: você voce vocês voces contigo
toi it: voi vi ti
toi de: du dich dir euch ihr
toi nl: jij jou jullie je
toi pl: ty ciebie cię cie was wam tobą
toi ro: voi vă tine ție
toi sq: ti ty ju juve
toi sh: ti tebe tebi vi vas vama
toi sr: ти тебе теби ви вас вама
toi ru: ты тебя тебе тобой вы вас вам
toi uk: ти тебе тебя ви вас вам
toi bg: ти теб вие вас
toi el: εσύ εσένα εσάς εσείς σας σου
toi gl: esy esi esena esas eseis sou sas
toi hu: téged titeket ti neked nektek
toi ka: *შენ *თქვენ
toi tr: sen seni sana siz sizi size hepinizi
toi ar: *عليك أنت انت انتم أنتم
toi dz: نتا نتي نتوما نتما
toi az: nta nti ntoma ntouma ntuma enta liik lik
toi fa: تو شما تورو شمارو
toi ps: *تاسو ته
toi ku: tu hûn تۆ *ئێوە
toi ta: நீ நீங்கள்* உன்னை* உங்களை*
toi zh: *你们 *你們 *杀你 *揍你 *你等
toi py: nimen
toi vi: mày bạn
toi wo: yow yéen
toi ln: yo bino
toi bm: aw
toi cr: zot ou
toi cv: bu bos nhos
`
