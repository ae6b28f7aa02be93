package server

import (
	"os"

	"github.com/bouclier/bouclier/internal/privacy"
	"github.com/bouclier/bouclier/internal/retention"
)

// openPrivacy builds the data-protection services (issue 16): the
// retention job, legal holds and personal data exports.
func (a *App) openPrivacy(o Options) error {
	var rc retention.Config
	if o.Retention != nil {
		rc = *o.Retention
	} else {
		var err error
		if rc, err = retention.FromEnv(os.Getenv); err != nil {
			return err
		}
	}
	var err error
	if a.Retention, err = retention.New(a.DB, rc, a.Now, a.Log); err != nil {
		return err
	}
	if a.Holds, err = retention.NewHolds(a.DB, a.Auth, a.Now); err != nil {
		return err
	}
	a.Privacy, err = privacy.New(a.DB, a.Auth, a.Now)
	return err
}
