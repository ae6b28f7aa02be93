// Package retention deletes personal data once it is no longer needed
// (issue 16), on every server process and exactly once per period:
//
//   - messages at the end of the school year after the one they were sent
//     in (a message of 2025-2026 goes on 1 September 2027 with the default
//     settings), unless held as evidence;
//   - accounts the directory closed (the import closes them at once: no
//     login, no class, sessions ended) are erased three months later,
//     unless held as evidence: the account's row stays, pseudonymised
//     (« Ancien compte »), so that the messages it sent stay readable by
//     their recipients until those messages' own end;
//   - connection records (sessions and their addresses, browsers, security
//     notices, login failures) after one year, unless held as evidence.
//
// Evidence is what an open incident names (its copies, its accounts), a
// message still held for moderation, and whatever a legal hold covers: see
// store.ExpireMessages and store.EraseClosedAccounts. Closing the incident
// or releasing the hold lets the next run delete it.
//
// The audit trail is not touched: it is the accountability record of the
// service (who did what), hash-chained and append-only.
package retention

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// Config is the retention policy.
type Config struct {
	// SchoolYearEnd is the last day of a school year, as month and day
	// (31 August by default): the next day starts a new one.
	SchoolYearEndMonth time.Month
	SchoolYearEndDay   int
	// MessageYears is how many school years a message lives, counting the
	// one it was sent in: 2 keeps it to the end of the next school year.
	MessageYears int
	// AccountMonths is how long a closed account is kept before erasure.
	AccountMonths int
	// LogMonths is how long connection records are kept.
	LogMonths int
	// Location is the time zone of the school calendar and of the periods.
	Location *time.Location
	// Batch bounds the rows deleted in one transaction.
	Batch int
	// Stale is how old an unfinished claim must be before another process
	// takes the period's run over (the claiming process died).
	Stale time.Duration
}

// DefaultConfig is the policy documented in docs/rgpd.md.
func DefaultConfig() Config {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		loc = time.UTC
	}
	return Config{SchoolYearEndMonth: time.August, SchoolYearEndDay: 31, MessageYears: 2, AccountMonths: 3, LogMonths: 12,
		Location: loc, Batch: 500, Stale: time.Hour}
}

// FromEnv reads the BOUCLIER_RETENTION_* variables over the defaults:
// _SCHOOL_YEAR_END (MM-DD), _MESSAGE_YEARS, _ACCOUNT_MONTHS, _LOG_MONTHS,
// _TIME_ZONE. A bad value is an error: the server does not start on a
// retention policy it cannot read.
func FromEnv(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	if v := getenv("BOUCLIER_RETENTION_SCHOOL_YEAR_END"); v != "" {
		m, d, ok := strings.Cut(v, "-")
		mi, err1 := strconv.Atoi(m)
		di, err2 := strconv.Atoi(d)
		if !ok || err1 != nil || err2 != nil {
			return c, fmt.Errorf("BOUCLIER_RETENTION_SCHOOL_YEAR_END %q: want MM-DD", v)
		}
		c.SchoolYearEndMonth, c.SchoolYearEndDay = time.Month(mi), di
	}
	for _, p := range []struct {
		name string
		v    *int
	}{{"BOUCLIER_RETENTION_MESSAGE_YEARS", &c.MessageYears}, {"BOUCLIER_RETENTION_ACCOUNT_MONTHS", &c.AccountMonths}, {"BOUCLIER_RETENTION_LOG_MONTHS", &c.LogMonths}} {
		if v := getenv(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return c, fmt.Errorf("%s %q: want a whole number", p.name, v)
			}
			*p.v = n
		}
	}
	if v := getenv("BOUCLIER_RETENTION_TIME_ZONE"); v != "" {
		loc, err := time.LoadLocation(v)
		if err != nil {
			return c, fmt.Errorf("BOUCLIER_RETENTION_TIME_ZONE %q: %w", v, err)
		}
		c.Location = loc
	}
	return c, c.Validate()
}

// Validate checks the policy.
func (c Config) Validate() error {
	if c.SchoolYearEndMonth < time.January || c.SchoolYearEndMonth > time.December || c.SchoolYearEndDay < 1 ||
		c.SchoolYearEndDay > time.Date(2001, c.SchoolYearEndMonth+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return fmt.Errorf("retention: school year end %02d-%02d is not a day of the year", int(c.SchoolYearEndMonth), c.SchoolYearEndDay)
	}
	switch {
	case c.MessageYears < 1 || c.MessageYears > 10:
		return errors.New("retention: message years must be between 1 and 10")
	case c.AccountMonths < 0 || c.AccountMonths > 12:
		return errors.New("retention: account months must be between 0 and 12")
	case c.LogMonths < 1 || c.LogMonths > 12:
		// One year at most: the CNIL's recommendation for connection logs.
		return errors.New("retention: log months must be between 1 and 12")
	case c.Location == nil:
		return errors.New("retention: no time zone")
	case c.Batch < 1:
		return errors.New("retention: batch must be positive")
	case c.Stale <= 0:
		return errors.New("retention: stale must be positive")
	}
	return nil
}

// SchoolYearStart returns the first instant of the school year holding t.
func (c Config) SchoolYearStart(t time.Time) time.Time {
	t = t.In(c.Location)
	// The day after the end day; time.Date normalises 31 August + 1.
	s := time.Date(t.Year(), c.SchoolYearEndMonth, c.SchoolYearEndDay+1, 0, 0, 0, 0, c.Location)
	if t.Before(s) {
		s = time.Date(t.Year()-1, c.SchoolYearEndMonth, c.SchoolYearEndDay+1, 0, 0, 0, 0, c.Location)
	}
	return s
}

// Cutoffs are the instants before which data goes, at a given time.
type Cutoffs struct {
	Messages time.Time // messages sent before
	Accounts time.Time // accounts closed before
	Logs     time.Time // connection records older than
}

// CutoffsAt returns the cutoffs at now.
func (c Config) CutoffsAt(now time.Time) Cutoffs {
	start := c.SchoolYearStart(now)
	return Cutoffs{
		Messages: start.AddDate(-(c.MessageYears - 1), 0, 0),
		Accounts: now.AddDate(0, -c.AccountMonths, 0),
		Logs:     now.AddDate(0, -c.LogMonths, 0),
	}
}

// Report is what a run deleted and kept, per category; it is the detail of
// the run's audit entry.
type Report struct {
	Period       string `json:"period"`
	Messages     int64  `json:"messages"`
	Attachments  int64  `json:"attachments"`
	Accounts     int64  `json:"accounts"`
	Sessions     int64  `json:"sessions"`
	Devices      int64  `json:"devices"`
	Notices      int64  `json:"notices"`
	LoginRecords int64  `json:"login_records"`
	KeptMessages int64  `json:"kept_messages"` // past retention, held as evidence
	KeptAccounts int64  `json:"kept_accounts"`
}

// Job applies the policy.
type Job struct {
	db   *store.DB
	cfg  Config
	now  func() time.Time
	log  *slog.Logger
	node string
}

// New returns the job of this process. node names the process in the
// runs' records; a random suffix keeps two processes on one host apart.
func New(db *store.DB, cfg Config, now func() time.Time, log *slog.Logger) (*Job, error) {
	if db == nil || now == nil || log == nil {
		return nil, errors.New("retention: store, clock and logger are required")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("retention: node id: %w", err)
	}
	return &Job{db: db, cfg: cfg, now: now, log: log, node: host + "/" + hex.EncodeToString(b)}, nil
}

// Period names the period holding t: its day in the policy's time zone.
func (j *Job) Period(t time.Time) string { return t.In(j.cfg.Location).Format("2006-01-02") }

// RunOnce runs the current period's retention if no other process has:
// it reports whether this call ran it. The run ends with one audit entry
// (retention.run) giving the counts per category, written in the same
// transaction as the run's record.
func (j *Job) RunOnce(ctx context.Context) (Report, bool, error) {
	now := j.now()
	r := Report{Period: j.Period(now)}
	ok, err := j.db.ClaimRetentionRun(ctx, r.Period, j.node, store.Micros(now), store.Micros(now.Add(-j.cfg.Stale)))
	if err != nil || !ok {
		return r, false, err
	}
	cut := j.cfg.CutoffsAt(now)
	for {
		var m, a int64
		err := j.db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			m, a, err = tx.ExpireMessages(ctx, store.Micros(cut.Messages), j.cfg.Batch)
			return err
		})
		if err != nil {
			return r, true, fmt.Errorf("retention %s: %w", r.Period, err)
		}
		r.Messages, r.Attachments = r.Messages+m, r.Attachments+a
		if m < int64(j.cfg.Batch) {
			break
		}
	}
	for {
		var ids []int64
		err := j.db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			ids, err = tx.EraseClosedAccounts(ctx, store.Micros(cut.Accounts), store.Micros(now), j.cfg.Batch)
			return err
		})
		if err != nil {
			return r, true, fmt.Errorf("retention %s: %w", r.Period, err)
		}
		r.Accounts += int64(len(ids))
		if len(ids) < j.cfg.Batch {
			break
		}
	}
	err = j.db.InTx(ctx, func(tx *store.Tx) error {
		c, err := tx.ExpireConnectionLogs(ctx, store.Micros(cut.Logs), store.Micros(now))
		r.Sessions, r.Devices, r.Notices, r.LoginRecords = c.Sessions, c.Devices, c.Notices, c.LoginRecords
		return err
	})
	if err != nil {
		return r, true, fmt.Errorf("retention %s: %w", r.Period, err)
	}
	if r.KeptMessages, err = j.db.CountKeptMessages(ctx, store.Micros(cut.Messages)); err != nil {
		return r, true, fmt.Errorf("retention %s: %w", r.Period, err)
	}
	if r.KeptAccounts, err = j.db.CountKeptAccounts(ctx, store.Micros(cut.Accounts)); err != nil {
		return r, true, fmt.Errorf("retention %s: %w", r.Period, err)
	}
	detail, err := json.Marshal(r)
	if err != nil {
		return r, true, err
	}
	err = j.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.FinishRetentionRun(ctx, r.Period, j.node, string(detail), store.Micros(j.now())); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: j.now(), Actor: bouclier.SystemActor("retention").Name(), Action: "retention.run",
			Target: "period:" + r.Period, Scope: "national", Detail: string(detail)})
	})
	if err != nil {
		return r, true, fmt.Errorf("retention %s: finish: %w", r.Period, err)
	}
	j.log.Info("retention run", "period", r.Period, "messages", r.Messages, "accounts", r.Accounts, "sessions", r.Sessions,
		"kept_messages", r.KeptMessages, "kept_accounts", r.KeptAccounts)
	return r, true, nil
}

// Run tries the current period's run every interval until ctx ends. Every
// process runs it; the claim makes one of them do each period's work.
func (j *Job) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, _, err := j.RunOnce(ctx); err != nil && ctx.Err() == nil {
			j.log.Error("retention", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
