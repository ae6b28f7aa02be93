package screen

import "testing"

// english45Cases are written for the test (not taken from a set): the
// slang acts, the outcomes with no act verb, the veiled threats, the
// warnings to stay away, terror apology in English, and their look-alikes.
var english45Cases = []enCase{
	// slang acts with a person object
	{"me and my boys gonna dead him after school", wantViolence},
	{"im gonna box you at the gates tomorrow", wantViolence},
	{"we're gonna blick the opps friday night", wantViolence},
	{"gonna slide on him at the bus stop monday", wantViolence},
	{"ima run up on you after PE, watch", wantViolence},
	{"we gonna mash him up behind the gym", wantViolence},
	{"ill leave him leaking on the floor tmrw", wantViolence},
	{"touch my sister again and i'll put hands on you", wantViolence},
	{"let's all jump the new assistant after his class", wantViolence},
	{"i swear ill clap him when i see him", wantViolence},
	{"someone film it in HD, we're doing a happy slap on the new kid at lunch", wantViolence},
	// outcomes with no act verb
	{"keep talking and you'll go back to Manchester in a box", wantViolence},
	{"you won't see friday, i promise you that", wantViolence},
	{"ur not making it home tonight", wantViolence},
	{"this is your last week, enjoy it", wantViolence},
	{"the coach to the ski resort won't reach the mountains. we saw to it", wantThreat},
	{"one more detention and the whole admin block goes up with me", wantThreat},
	{"come alone, you'll need someone to carry you home", wantViolence},
	// veiled threats after a grievance, or two together
	{"Heard you told on me. Be careful walking home, it gets dark early now.", wantViolence},
	{"You're the one who reported me. I know where you park. See you soon.", wantViolence},
	{"Sir your car windows were just the start. Watch yourself.", wantViolence},
	{"you snitched, so I'll be waiting. you'll see", wantViolence},
	{"I'll be waiting in the bushes by the path. Run fast.", wantViolence},
	// claims and warnings to stay away
	{"make sure you're not in the gym at 10:30 tomorrow. delete this", wantThreat},
	{"don't come to school on monday. last warning. i'm not saying anything else", wantThreat},
	{"I'll be behind the fence of the field with my crossbow at break tomorrow", wantThreat},
	{"I'll be on the roof with a sniper on sports day at lunch", wantThreat},
	// terror apology
	{"the guys who hit the Bataclan were soldiers not terrorists, they deserved it", wantApology},
	{"that attacker is a martyr now, in paradise inshallah", wantApology},
	{"the teacher they killed had it coming, the attacker was a hero", wantApology},
	{"the ISIS fighters had the best strategy, they were right", wantApology},
	{"the policewoman was stabbed yesterday, good, one less", wantApology},

	// look-alikes: everyday uses of the slang verbs
	{"im dead you guys, that was so funny", wantNone},
	{"I got you a box of chocolates for your birthday", wantNone},
	{"everyone clap for him, he won the race", wantNone},
	{"slide in my dms if you want the homework", wantNone},
	{"mash up the potatoes and add butter", wantNone},
	{"I'll run up to the shop, want anything?", wantNone},
	{"leave him alone, he's had a bad day", wantNone},
	{"put your hands on the table and close your eyes, it's a trust exercise", wantNone},
	{"the pipe is leaking, leave it for the plumber", wantNone},
	{"finish the essay by friday please", wantNone},
	// look-alikes of the outcomes
	{"we got the new printer delivered in a box yesterday", wantNone},
	{"you won't see friday's episode if you go to bed now", wantNone},
	{"this is your last week to hand in the permission slip", wantNone},
	{"I'll never make it to the final, the other teams are too good", wantNone},
	{"the coach won't reach the resort before 10 because of the snow", wantNone},
	{"Thank you for everything, see you soon!", wantNone},
	{"I'll be waiting at the gate at 5, don't be late", wantNone},
	{"my dad will carry you home if you're tired after the hike", wantNone},
	// look-alikes of the veiled threats and warnings
	{"Be careful on the path behind the stadium, it's icy this morning", wantNone},
	{"it gets dark early in winter so the club ends at 5 now, thanks", wantNone},
	{"The start was just the start of a great year, thanks for everything", wantNone},
	{"don't come to school tomorrow if your child has a fever", wantNone},
	{"make sure you're not in the photo if you don't want to be", wantNone},
	{"stay home tomorrow, the school is closed because of the strike", wantNone},
	{"run fast in the cross country on friday, good luck!", wantNone},
	// look-alikes of terror apology
	{"In history we studied the Bataclan attack and the victims, it was horrible", wantNone},
	{"my grandpa is in paradise now, we miss him so much", wantNone},
	{"Muslims are not terrorists and the attackers do not represent us", wantNone},
	{"They didn't deserve it, the attack on the teacher was disgusting", wantNone},
	{"our team was the hero of the match, the strategy was the best", wantNone},
	// games
	{"gonna blick the opps in warzone tonight", wantNone},
	{"airsoft on sunday, you get shot with plastic pellets, it stings lol", wantNone},
	{"Sir someone just sent a beheading video in the 5e group, I didn't open it", wantNone},
}

// TestEnglishWidened45 checks the readings widened in round 45.
func TestEnglishWidened45(t *testing.T) {
	checkEnglish(t, english45Cases)
}
