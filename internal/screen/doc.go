// Package screen is Bouclier's content-screening engine: a pure function
// from a message (text, links, attachments, sender role) to a verdict
// (deliver, hold for a moderator, reject), a score in [0,1] and reasons a
// moderator can read, such as
//
//	threat: "bombe" + lieu "collège" + moment "10h" + intention "je vais" (score 0.92)
//
// It imports nothing of ours but the root package, keeps no state between
// calls, and the same Engine serves the server and `bouclier screen`
// (RunJSONL).
//
// # Rules, in the order Check runs them
//
//  1. Text size: text past Config.MaxTextBytes is held unread.
//  2. Attachments, each typed from its bytes (DetectType), never from its
//     name or declared type: more than MaxAttachments files, a SHA-256
//     digest in BlockedDigests, an executable, a script or HTML page, an
//     Office file with macros, a dangerous extension (.exe, .js, .scr…) or
//     a double one (devoir.pdf.exe), or a total size over the sender
//     role's limit is rejected. A name or declared type that does not
//     match the bytes is a reason of its own (score 0.6, reject when the
//     bytes are executable, script or archive). Legacy OLE Office files,
//     files of unknown type, and video or audio sent by or to a student
//     are held. Images to students are listed in Result.StripMetadata for
//     StripMetadata. Plain-text attachments are screened with the text.
//     Archives (zip, tar, gzip, bzip2, nested) are opened within bounds
//     (64 Mio decompressed, 2,000 entries, 4 levels) and each entry judged
//     by the same rules; archives that cannot be opened (7z, rar, xz,
//     encrypted entries, damaged, over a bound) are held. PDFs are read
//     object by object, object streams included (pdf.go lists the rules):
//     Launch actions and JavaScript run at open are rejected, other
//     JavaScript, embedded files, forms posting to the web and unreadable
//     or encrypted PDFs held; embedded files are judged as attachments, and
//     the targets of a PDF's links go to the link rules.
//  3. Text detectors, on the subject and text after normalisation
//     (Normalize: case, accents, homoglyphs, fullwidth and zero-width
//     characters, emoji, leetspeak, spelt-out and repeated letters; then
//     chat.go rewrites SMS and chat spellings into the standard tokens:
//     jvais, jte, tes mort, g and c for j'ai and c'est, k for qu, missing
//     apostrophes, digits for syllables, tg, and words read by their
//     neighbours: « la sale 204 » is salle, « jvou tu » tue, « sa va » ça
//     (a text where two words or more were rewritten or repaired is
//     « written by sound », and finding no act in it is a feature apart);
//     repair.go then reads words whose letters are masked, « une
//     b*mbe », « f*s*ll* », « coll€ge » (unmask.go), joins words cut by a
//     mark inside them, « bo.mbe », « tu_er », « bo🔥mbe » (cutword.go), joins act
//     words cut into syllables, « ex-plo-ser », « te tu er », mends a
//     word no table knows that sounds like a threat word (phon.go:
//     « colej », « explozé », « couto »), and glue.go
//     cuts runs written without spaces into known words,
//     « jevaistetuerdemainalasortie », « #ViveLeCalifat »):
//     a. patterns of a compiled lexicon (French first, English too) are
//     matched over the words; benign fixed phrases hide the word they
//     contain (bombe calorimétrique, c'était de la bombe, tuer le temps);
//     a negation just before a negatable word cancels it (aucune bombe,
//     il ne méritait pas);
//     b. each detector — threat, violence, terror_apology, sextortion,
//     phishing — needs a core feature (the act: a weapon, an attack, a
//     threat to kill, approval of an attack, intimate images with
//     coercion, a request for credentials or for voucher codes, new bank
//     details to pay to, an instruction to enable macros...), combined
//     by noisy-OR;
//     c. context raises it in proportion to the core: place in the school,
//     time or day, target, first-person or future intent, a claimed
//     bomb placement, urgency ("vous êtes prévenus", "ce n'est pas une
//     blague"), obfuscated or emoji spelling; a quoted word is a mention
//     and counts half;
//     d. the speaker's stance lowers it: drill (exercice, PPMS), procedure
//     (consignes, Vigipirate), lesson (cours, histoire, EMC), report
//     (messages reçus, police, plainte), commemoration (hommage, minute de
//     silence), condemnation, security advice, joke or video game, a
//     positive tone. A speaker who threatens in person (urgency, death
//     threats, claimed placement, approval of a murder) only gets a
//     softened discount, and "ce n'est pas un exercice" cancels the drill
//     and joke discounts. A game or sport in the act's clause or the one
//     next to it discounts more (the object is an opponent), and a
//     detector whose every core word is quoted, in a message that is not
//     all quotation, is a mention (« dire "je vais te frapper" est puni »).
//  4. Links (ExtractLinks: URLs, hxxp, [.], (dot) and (point) forms, www.
//     and bare domains): a domain on the allowlist of the message's académie or the
//     global one (Config.AllowedDomains[""]) or an official ENT/identity
//     domain is fine; otherwise a student's link is held when
//     StudentLinksHeld, and each link gets a risk from user info before the
//     host, a domain already seen in a held message, a raw IP address,
//     punycode or non-ASCII host, a URL shortener, an ENT brand embedded in
//     a foreign domain or a domain or word within one or two edits of one,
//     an imitation of an académie domain (ac-<name> outside ac-<name>.fr)
//     or of gouv.fr, the name of an institution or a service in a label of
//     a domain not its own (docusign-rectorat.net, zoom-us.example.com;
//     serviceFamilies), a school word in an unknown domain, a file host, a download of a program, a risky
//     top-level domain, login words and deep subdomains; the registered
//     domain comes from the public suffix list (RegisteredDomain). A
//     file named in the text (textfiles.go) is a phishing finding: 0.8
//     for a double extension ending in a program or a script
//     (bulletin.pdf.exe), 0.35 for a plain program name (setup.exe); so
//     is a web page with a document's name presented to open or log into
//     (Convocation.htm, 0.5 or 0.6), an archive whose password the
//     text gives (Facture.zip, mot de passe : 2024; 0.5) or whose name
//     makes it a program (Zoom_Player.zip; 0.5). So are, at 0.5, a
//     number to call that is premium-rate, or after an infection scare or
//     expiring training rights (callback.go), a code sent « by mistake »
//     to the reader's phone and asked for, in any language
//     (codeforward.go), and a writer in a meeting who cannot be called
//     and asks for discretion (bossfraud.go). A phishing text with a
//     risky link or file scores higher than either.
//  5. Verdict: the score is the strongest finding raised by the second
//     (1-(1-a)(1-b/2)); reject from RejectAt (0.85), hold from HoldAt (0.5;
//     StudentHoldAt for students), otherwise deliver. The text detectors
//     hold only what the learned layer confirms (ConfirmLine: its
//     strongest head at its own line, from StrongRules, 0.7, at
//     RuleConfirm, 0.5, if lower, on the whole text or one of its
//     Segments, so that padding a threat with ordinary text does not
//     undo the hold); from RejectAt, what it does not rule out
//     (RejectConfirm, 0.15). The English reader's scores stay under
//     RejectAt (enRuleCap). A text the rules flag
//     (SegmentGate, 0.3) without holding it is held when the learned
//     layer reads one of its Segments at SegmentHoldLine (0.97): one
//     harmful sentence buried in a long ordinary message is not diluted
//     by the rest (segment.go). Read alone, a sentence loses what frames
//     it: in a message whose own words report a quotation (« ma fille a
//     reçu : "…" », or a reply's '>' lines), the segments are read with
//     the quoted words blanked (unquoteReported), unless it asks to pass
//     them on. The
//     policy, attachment and link findings hold on their own. A text
//     most of whose words the French lexicon does not know, with words of
//     harm in the cross-language lexicon (an act and its target or time,
//     terror praised, intimate images spread, an account to verify) and
//     the learned layer at UnreadModelGate (0.5) or more, is a policy
//     finding: the screen cannot read it, so a moderator does (unread.go).
//     So is a text 45 % of whose words or more the lexicon does not know
//     that the learned layer reads as harmful at UnreadModelLine (0.5),
//     under its own line. The threat, violent, terror-apology and
//     phishing heads hold from their lines in headLines (0.66, 0.68,
//     0.66, 0.64) when the model's common line is over them: threats
//     with no act named and measured justifications of attacks, which no
//     rule reads, fall just under the common line (model.go). Lines
//     opened by '>' are quoted mail, read as a quotation.
//     Reasons list the findings of 0.3 and more, strongest first.
//
// # Clause frames and the learned layer
//
// Two more readings of the text run with the detectors of rule 3.
// Clause frames (frames.go) read each clause with the morphology table
// (morph.go, generated by cmd/screenlex from hunspell-fr-comprehensive):
// the act (kill, burn, explode, shoot, stab, behead, plant a weapon, be
// armed, attack) from a verb's lemma or a noun, the actor's person
// (j'vais, jvais, chui included), mood and tense (future, aller +
// infinitive, imperative, conditional, present of a state, past, passive,
// wish), target, place (any noun after dans, au, devant…), time,
// incitation, approval, negation, and whether the clause itself is a
// report, quotation, drill, lesson or play (a match score such as « 5-0 »
// marks play). A participle-shaped form after avoir or être is past or
// passive even when accent folding makes it look like a present
// (« explosés »), and a bare participle before à, en, par, lors or a date
// is a passive in apposition (« tué à Arras »), not an imperative; praise
// addressed to victims or rescuers, or asked about (« la violence
// peut-elle être légitime ? »), is not approval; others' acts told by a
// writer who asks not to be named (« dites pas que c'est moi ») are
// reported for the rules. A threat may name its
// outcome instead of an act (« tu vas pas rentrer entier », « n'existera
// plus », « tu vas le regretter », « vous allez le payer cher », « je vais
// le rayer de la carte »: the negation is then the harm; payer only with
// cher or its pronoun and no word of money); slang
// act verbs (fumer, allumer, choper…) count only with a person, or for
// some the school, as their object; an act whose object is a thing
// pupils exaggerate about (« je vais le tuer ce contrôle ») is no act,
// and hides the lexicon's patterns over its verb; a laugh makes a clause
// playful, except a first-person act of killing, shooting, exploding or
// burning on a group or a place. Justification of an attack with an
// attack, its author or target named (« ils ont eu raison »), and an
// allusion to a past attack (« comme à X », « retenez la date ») in a
// message that is no lesson, report or drill, are findings too. A
// subject pronoun after a complete clause opens a new one (pupils write
// without punctuation). Any verb other than one of care (laver, tenir,
// masser…) on te or lui and a part of the body, said by the speaker, is a
// bodily harm (« on va te coudre la bouche »); a reciprocal fight verb
// (« on se bat », « tu veux te battre ») or « 1v1 » / « en face » with a
// verb of coming, not for a cause, in a case (si, quand) or a game, is a
// call to fight; the speaker coming, waiting or knowing with the reader's
// kin or home named (« ta sœur », « chez toi ») holds with a threat's
// condition or warning (« sinon », « si tu parles », « réfléchis »);
// « arrêter / éviter de » stops the act after it. A video of someone
// « se faire » beaten, stabbed or beheaded that the speaker sends round,
// bids others to, or sends for the shock is violence (frames38.go); a
// blackmail by exposure may ask for money as its condition, and the
// reader's pictures may go to an audience by themselves, or in the
// passive under an ultimatum (frames10.go). A game, a joke or a fiction
// the message says is real loses its framing; « descendre » and
// « planter » take a person as their object; the fate of a murdered
// teacher promised to someone is a death threat; recruitment with a
// secret contact and a call to imitate a named attack are terror apology
// (frames39.go). A class period named in an announced act's phrase
// (« mardi en SVT je vais… ») says when and is no lesson (frames22.go);
// justifications take other words (« ont eu bien raison », « avait ses
// raisons », « dans leur droit », « c'était légitime »). A life held under
// a condition (« si vous tenez à vos vies », « si vous voulez vivre ») is
// a threat with a time, the school or an order to stay away, else
// violence; « pièce » and « scène » as a room or a stage of the school
// frame no fiction; a dish the speaker will poison is no hyperbole
// (frames41.go). Attack dates in figures (« 13/11 », « 7.10 ») are the
// dates in words (attackdate.go). Four message readings are features for
// the learned layer only, never findings (frames42.go): an aftermath told
// instead of an act (mourning, lives ending, a school emptied, « vous
// allez regretter d'être nés »), with the school or a time; a writer who
// shows they watch the reader (« je vous ai suivie », « je connais ton
// code d'immeuble »), with the reader's private life; an excuse
// (« on récolte ce qu'on sème », « il l'a cherché ») with an attack or
// killed victims named; and a game or film flag with the school and a
// time, or with words that take it back to real life (« en vrai dans »,
// « no respawn »). Three more (frames43.go): a joke taken back (« c'est
// pour rire mais », « je rigole pas », « à moitié »), with a time; two or
// more of the reader's private things named after « ton » or « votre »,
// or one with their kin; and a closure of the school with an
// institution's reason (a water cut, works, a strike). An agentive act
// in an unframed clause is a finding of its own (0.5 to 0.84). The stance
// discounts of rule 3d apply only when the negator stands in the clause of
// the act, or when no clause has anyone performing, claiming or calling
// for the act (a bare mention).
//
// The learned layer (model.go, trained by cmd/screentrain, card in
// docs/screen/MODEL_CARD.md) is one logistic regression per label over the
// frames, the detectors' scores, the links' risk and hashed words, word
// pairs and verb lemmas. An act's frame features carry its clause's stance
// (outright, negated, framed, mentioned), and the words of a negated or
// framed act's clause are features apart, so that the model needs no
// example of every negation or game; a first-person clause acting on
// « te » without a known act has a frame of its own with the verb's
// lemma (an act verb's when the form has several: « tue » is tuer, not
// taire). A request for the reader's password or login code, read by the
// verb's lemma and mood (credreq.go), is held by the rules. A head at or
// over its calibrated threshold (a
// lower one for students) holds the message, never rejects it; its reason
// names the strongest contributions. A model or table that cannot be
// loaded makes every message held.
//
// English has a reader of its own (english.go), run only on a text that
// is mostly English: who acts, the act and its target, time and place,
// outcomes, claims, blackmail and violent media, and the game, joke,
// report or lesson that frames them.
//
// Other languages: the share of a text's words the French lexicon does
// not know, and a script other than Latin, are features (lang.go), and
// finding no act in a text the lexicon mostly cannot read is a feature
// apart from a French text with no act; so are
// the cross-language harm concepts (xlex.go, table in xlexwords.go: a
// bomb, to kill, a school, tomorrow, a terror organisation, praise,
// intimate images, a password… in some thirty languages and scripts), one
// feature per concept found (« xl bombe ») and a few conjunctions that
// carry a frame no French frame reads (« xl acte + cible », « xl acte +
// cible + moment », « xl terreur + éloge », « xl image intime + diffusion
// + paiement »). Only words the
// French lexicon and dictionary do not know count. They hold nothing on
// their own: the model learns their weights from the rows in other
// languages, and a concept learned in Spanish or Arabic carries to
// Georgian.
//
// The lexicon is compiled once per process, the morphology table and the
// model are loaded on first use; Check allocates little (a detector's
// reason is written only when it can be shown; the key cache is a
// snapshot map read without a lock) and runs in tens of microseconds on
// a typical message.
package screen
