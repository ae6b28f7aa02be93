package policy_test

import (
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/policy"
)

// must is for fixtures that are constant and known to be valid.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func sc(_ testing.TB, s string) policy.Scope { return must(policy.ParseScope(s)) }

func win(_ testing.TB, s string) policy.Window { return must(policy.ParseWindow(s)) }

func date(y int, m time.Month, d int) policy.Date { return policy.Date{Year: y, Month: m, Day: d} }

func loc(_ testing.TB, name string) *time.Location { return must(time.LoadLocation(name)) }
