package bouclier

// Verdict is the content screen's decision on a message.
type Verdict string

// The screen's verdicts.
const (
	VerdictDeliver Verdict = "deliver"
	VerdictHold    Verdict = "hold"   // held for a person's decision
	VerdictReject  Verdict = "reject" // refused; kept as evidence
)

// ParseVerdict reads a verdict; anything unknown is a hold, so that a
// screen that answers nonsense stops the message rather than lets it by.
func ParseVerdict(s string) Verdict {
	switch v := Verdict(s); v {
	case VerdictDeliver, VerdictHold, VerdictReject:
		return v
	}
	return VerdictHold
}
