package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestPageCacheFollowsEveryChange: on SQLite a process keeps the inbox
// and trash pages it listed (pagecache.go) until something they show
// changes. Another process (a second store on the same file) makes every
// kind of change a list shows; after each, the pages the first process
// serves equal a fresh read, and its unread count equals the unread rows.
// Before each change the first process serves its pages from the cache,
// so a change that did not move the mailbox's version would show here as
// a stale page.
func TestPageCacheFollowsEveryChange(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	reader, other, fresh := openDir(t, dir), openDir(t, dir), openDir(t, dir)

	var prof, rcpt, someone int64
	tx := func(db *store.DB, what string, fn func(tx *store.Tx) error) {
		t.Helper()
		if err := db.InTx(ctx, fn); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	at := int64(1e15)
	send := func(db *store.DB, subject string, status bouclier.MessageStatus, to ...int64) int64 {
		t.Helper()
		at += 1e9
		var id int64
		tx(db, "send "+subject, func(tx *store.Tx) (err error) {
			id, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: prof, Subject: subject, Body: "…",
				To: []string{"user:parent"}, Status: status, SentAt: at}, to)
			return err
		})
		return id
	}
	tx(other, "users", func(tx *store.Tx) (err error) {
		if prof, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, "", time.Time{}); err != nil {
			return err
		}
		if someone, err = tx.UpsertUser(ctx, bouclier.User{Username: "autre", DisplayName: "Karim Benali", Role: bouclier.RoleParent}, "", time.Time{}); err != nil {
			return err
		}
		rcpt, err = tx.UpsertUser(ctx, bouclier.User{Username: "parent", DisplayName: "Marie Dupont", Role: bouclier.RoleParent}, "", time.Time{})
		return err
	})
	var ids []int64
	for _, s := range []string{"Sortie", "Menu", "Réunion", "Cantine", "Piscine"} {
		ids = append(ids, send(other, s, bouclier.StatusDelivered, rcpt))
	}

	// The pages compared: both folders, a first page and the page after
	// it (pages of 3 rows, so that the cursor is used).
	type page struct {
		folder store.Folder
		unread bool
		second bool
	}
	pages := []page{{store.FolderInbox, false, false}, {store.FolderInbox, false, true}, {store.FolderInbox, true, false}, {store.FolderTrash, false, false}}
	list := func(db *store.DB, p page) []store.Entry {
		t.Helper()
		fl := store.FolderFilter{Summary: true, Unread: p.unread}
		first, err := db.SearchFolder(ctx, rcpt, p.folder, fl, 0, 0, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !p.second {
			return first
		}
		if len(first) == 0 {
			return nil
		}
		next, err := db.SearchFolder(ctx, rcpt, p.folder, fl, first[len(first)-1].ID, 0, 3)
		if err != nil {
			t.Fatal(err)
		}
		return next
	}
	check := func(change string) {
		t.Helper()
		fresh.ForgetPages()
		for _, p := range pages {
			got, want := list(reader, p), list(fresh, p)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after %s, %s page (unread %v, second %v):\n%+v\nwant\n%+v", change, p.folder, p.unread, p.second, got, want)
			}
		}
		all, err := fresh.SearchFolder(ctx, rcpt, store.FolderInbox, store.FolderFilter{Summary: true, Unread: true}, 0, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := reader.UnreadCount(ctx, rcpt); err != nil || n != len(all) {
			t.Errorf("after %s: unread count %d (%v), %d unread rows", change, n, err, len(all))
		}
		// Unchanged since: the same pages come from the cache.
		hits := reader.PageHits()
		for _, p := range pages {
			list(reader, p)
		}
		if reader.PageHits() == hits {
			t.Fatalf("after %s: no page served from the cache", change)
		}
	}
	check("the first messages")

	var deferred, pending, withAtt int64
	for _, c := range []struct {
		name string
		do   func()
	}{
		{"a new message", func() { send(other, "Nouveau", bouclier.StatusDelivered, rcpt) }},
		{"a message to someone else", func() { send(other, "Ailleurs", bouclier.StatusDelivered, someone) }},
		{"a message read", func() {
			if ok, err := other.MarkRead(ctx, rcpt, ids[4], at); err != nil || !ok {
				t.Fatalf("mark read: %v %v", ok, err)
			}
		}},
		{"a message put in the trash", func() {
			if ok, err := other.SetTrashed(ctx, rcpt, ids[3], true); err != nil || !ok {
				t.Fatalf("trash: %v %v", ok, err)
			}
		}},
		{"a message taken out of the trash", func() {
			if ok, err := other.SetTrashed(ctx, rcpt, ids[3], false); err != nil || !ok {
				t.Fatalf("untrash: %v %v", ok, err)
			}
		}},
		{"an attachment added", func() {
			withAtt = ids[4]
			sum := []byte("0123456789abcdef0123456789abcdef")
			tx(other, "attach", func(tx *store.Tx) error {
				if err := tx.PutBlob(ctx, sum, []byte("%PDF")); err != nil {
					return err
				}
				_, err := tx.InsertAttachment(ctx, store.Attachment{MessageID: withAtt, Name: "menu.pdf", ContentType: "application/pdf", Size: 4, SHA256: sum})
				return err
			})
		}},
		{"a message recalled", func() {
			tx(other, "recall", func(tx *store.Tx) error {
				ok, err := tx.Recall(ctx, ids[2], "moderateur", at)
				if err == nil && !ok {
					t.Fatal("recall: not recalled")
				}
				return err
			})
		}},
		{"a message withdrawn to moderation", func() {
			tx(other, "withdraw", func(tx *store.Tx) error {
				ok, err := tx.WithdrawToHeld(ctx, ids[1])
				if err == nil && !ok {
					t.Fatal("withdraw: not withdrawn")
				}
				return err
			})
		}},
		{"a deferred message", func() { deferred = send(other, "Plus tard", bouclier.StatusDeferred, rcpt) }},
		{"a deferred message delivered", func() {
			tx(other, "deliver", func(tx *store.Tx) error {
				ok, err := tx.SetStatusFrom(ctx, deferred, string(bouclier.StatusDeferred), string(bouclier.StatusDelivered))
				if err == nil && !ok {
					t.Fatal("deliver: not moved")
				}
				return err
			})
		}},
		{"a recipient's delivery released from pending", func() {
			pending = send(other, "À la réouverture", bouclier.StatusDelivered, someone)
			tx(other, "pending", func(tx *store.Tx) error { return tx.AddPending(ctx, pending, []int64{rcpt}, at) })
			tx(other, "release", func(tx *store.Tx) error {
				n, err := tx.ReleasePending(ctx, pending, at+1)
				if err == nil && n != 1 {
					t.Fatalf("release pending: %d deliveries", n)
				}
				return err
			})
		}},
		{"the sender renamed", func() {
			tx(other, "rename", func(tx *store.Tx) error {
				_, err := tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Sophie Martin-Leroy", Role: bouclier.RoleTeacher}, "", time.Time{})
				return err
			})
		}},
		{"the oldest messages expired", func() {
			tx(other, "expire", func(tx *store.Tx) error {
				n, _, err := tx.ExpireMessages(ctx, at-int64(4e9), 10)
				if err == nil && n == 0 {
					t.Fatal("expire: nothing expired")
				}
				return err
			})
		}},
		{"the attachment's message expired", func() {
			tx(other, "expire", func(tx *store.Tx) error {
				_, _, err := tx.ExpireMessages(ctx, at-int64(3e9), 10)
				return err
			})
		}},
		{"a message read by this process", func() {
			if ok, err := reader.MarkRead(ctx, rcpt, pending, at); err != nil || !ok {
				t.Fatalf("mark read: %v %v", ok, err)
			}
			// The only change since: the pages stay kept, their entry
			// read (compared with a fresh read by check).
			hits := reader.PageHits()
			list(reader, pages[0])
			if reader.PageHits() == hits {
				t.Error("the inbox page was read again after this process marked a message read")
			}
		}},
		{"a new message before one read by this process", func() {
			another := send(other, "Encore", bouclier.StatusDelivered, rcpt)
			if ok, err := reader.MarkRead(ctx, rcpt, deferred, at); err != nil || !ok {
				t.Fatalf("mark read: %v %v", ok, err)
			}
			if ok, err := other.MarkRead(ctx, rcpt, another, at); err != nil || !ok {
				t.Fatalf("mark read: %v %v", ok, err)
			}
		}},
		{"a message read by another process, then one by this process", func() {
			a := send(other, "Toujours", bouclier.StatusDelivered, rcpt)
			b := send(other, "Dernier", bouclier.StatusDelivered, someone, rcpt)
			for _, p := range pages {
				list(reader, p)
			}
			if ok, err := other.MarkRead(ctx, rcpt, a, at); err != nil || !ok {
				t.Fatalf("mark read: %v %v", ok, err)
			}
			if ok, err := reader.MarkRead(ctx, rcpt, b, at); err != nil || !ok {
				t.Fatalf("mark read: %v %v", ok, err)
			}
		}},
	} {
		// The pages are kept before the change, then it is made.
		for _, p := range pages {
			list(reader, p)
		}
		c.do()
		check(c.name)
	}
}

// TestErasureDropsPages: what retention erases (expired messages, closed
// accounts) does not stay in the pages a process kept.
func TestErasureDropsPages(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Unix(2e9, 0)
	var prof, parent int64
	err = db.InTx(ctx, func(tx *store.Tx) (err error) {
		if prof, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, "", now); err != nil {
			return err
		}
		if parent, err = tx.UpsertUser(ctx, bouclier.User{Username: "parent", DisplayName: "Marie Dupont", Role: bouclier.RoleParent}, "", now); err != nil {
			return err
		}
		for i, at := range []time.Time{now.Add(-400 * 24 * time.Hour), now} {
			if _, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: prof, Subject: "Sortie", Body: "…", To: []string{"user:parent"},
				Status: bouclier.StatusDelivered, SentAt: store.Micros(at) + int64(i)}, []int64{parent}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		erase func(tx *store.Tx) error
	}{
		{"expired messages", func(tx *store.Tx) error {
			n, _, err := tx.ExpireMessages(ctx, store.Micros(now.Add(-365*24*time.Hour)), 10)
			if err == nil && n != 1 {
				t.Errorf("expired %d messages, want 1", n)
			}
			return err
		}},
		{"a closed account", func(tx *store.Tx) error {
			if _, err := tx.CloseUser(ctx, parent, now.Add(-48*time.Hour)); err != nil {
				return err
			}
			ids, err := tx.EraseClosedAccounts(ctx, store.Micros(now), store.Micros(now), 10)
			if err == nil && len(ids) != 1 {
				t.Errorf("erased %v, want the parent", ids)
			}
			return err
		}},
	} {
		if _, err := db.SearchFolder(ctx, parent, store.FolderInbox, store.FolderFilter{Summary: true}, 0, 0, 50); err != nil {
			t.Fatal(err)
		}
		if db.PagesKept() == 0 {
			t.Fatalf("%s: no page kept before", c.name)
		}
		if err := db.InTx(ctx, c.erase); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n := db.PagesKept(); n != 0 {
			t.Errorf("%s: %d pages still kept after the erasure", c.name, n)
		}
	}
}
