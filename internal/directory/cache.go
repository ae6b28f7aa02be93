package directory

import (
	"context"
	"sync"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// cache keeps, for one directory version (store.DirectoryVersion), the
// groups expanded and the teachers' classes and parents' children read:
// reading a class's 30 members was about 6 % of the server's CPU per send.
// The version is read before what it guards and every change of the
// directory moves it in its own transaction, in whatever process or
// import, so an entry is never used once the directory changed after it
// was read. One point read per send replaces the group's reads.
type cache struct {
	mu       sync.Mutex
	version  int64
	members  map[string][]bouclier.User // group expression → members; shared, never modified
	classes  map[int64][]string         // teacher → "UAI/CLASS"
	children map[int64][]bouclier.User  // parent → children
	// affiliations are what Describe reads of a parent or a teacher: an
	// inbox page describes its senders on every request.
	affiliations map[int64]store.Affiliation
}

// cacheMax bounds each map: past it, the map starts again (memory is
// bounded; forgetting only costs a read).
const cacheMax = 1024

// at makes the cache hold version v's entries and reports whether entries
// of v may be read and written: never for a version older than the one
// held (a send that read the version before a change).
func (c *cache) at(v int64) bool {
	if v > c.version || c.members == nil {
		c.version = v
		c.members, c.classes, c.children = map[string][]bouclier.User{}, map[int64][]string{}, map[int64][]bouclier.User{}
		c.affiliations = map[int64]store.Affiliation{}
	}
	return v == c.version
}

// cached returns m[k] as read at version v, or reads it with load and
// keeps it. Errors are not kept.
func cached[K comparable, V any](c *cache, v int64, m func() map[K]V, k K, load func() (V, error)) (V, error) {
	c.mu.Lock()
	if c.at(v) {
		if x, ok := m()[k]; ok {
			c.mu.Unlock()
			return x, nil
		}
	}
	c.mu.Unlock()
	x, err := load()
	if err != nil {
		return x, err
	}
	c.mu.Lock()
	if c.at(v) {
		mm := m()
		if len(mm) >= cacheMax {
			clear(mm)
		}
		mm[k] = x
	}
	c.mu.Unlock()
	return x, nil
}

// members expands group r as of version v (see Members).
func (d *Directory) members(ctx context.Context, v int64, r bouclier.Recipient) ([]bouclier.User, error) {
	return cached(&d.cache, v, func() map[string][]bouclier.User { return d.cache.members }, string(r.Kind)+"\x00"+r.UAI+"\x00"+r.Class+"\x00"+r.User,
		func() ([]bouclier.User, error) { return d.Members(ctx, r) })
}

func (d *Directory) teacherClasses(ctx context.Context, v int64, teacherID int64) ([]string, error) {
	return cached(&d.cache, v, func() map[int64][]string { return d.cache.classes }, teacherID,
		func() ([]string, error) { return d.db.TeacherClasses(ctx, teacherID) })
}

func (d *Directory) children(ctx context.Context, v int64, parentID int64) ([]bouclier.User, error) {
	return cached(&d.cache, v, func() map[int64][]bouclier.User { return d.cache.children }, parentID,
		func() ([]bouclier.User, error) { return d.db.Children(ctx, parentID) })
}

// affiliations returns the affiliations of ids as of the directory's
// current version: those cached at that version, the others read in one
// batch and kept. An id with no affiliation gets the zero value, kept too.
func (d *Directory) affiliations(ctx context.Context, ids []int64) (map[int64]store.Affiliation, error) {
	out := make(map[int64]store.Affiliation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	v, err := d.db.DirectoryVersion(ctx)
	if err != nil {
		return nil, err
	}
	c := &d.cache
	var missing []int64
	c.mu.Lock()
	if c.at(v) {
		for _, id := range ids {
			if a, ok := c.affiliations[id]; ok {
				out[id] = a
			} else {
				missing = append(missing, id)
			}
		}
	} else {
		missing = ids
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	read, err := d.db.Affiliations(ctx, missing)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	keep := c.at(v)
	if keep && len(c.affiliations)+len(missing) > cacheMax {
		clear(c.affiliations)
	}
	for _, id := range missing {
		out[id] = read[id]
		if keep {
			c.affiliations[id] = read[id]
		}
	}
	return out, nil
}
