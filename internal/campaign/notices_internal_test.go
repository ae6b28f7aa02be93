package campaign

import (
	"fmt"
	"testing"
	"time"
)

func TestNoticeCache(t *testing.T) {
	t0 := time.Date(2026, 3, 18, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name       string
		do         func(c *noticeCache)
		at         time.Time
		any, known bool
	}{
		{"empty", func(*noticeCache) {}, t0, false, false},
		{"none, fresh", func(c *noticeCache) { c.put("A", t0, false, 0) }, t0.Add(noticeFor - time.Nanosecond), false, true},
		{"some, fresh", func(c *noticeCache) { c.put("A", t0, true, 0) }, t0, true, true},
		{"stale", func(c *noticeCache) { c.put("A", t0, false, 0) }, t0.Add(noticeFor), false, false},
		{"clock went back", func(c *noticeCache) { c.put("A", t0, false, 0) }, t0.Add(-time.Nanosecond), false, false},
		{"other establishment", func(c *noticeCache) { c.put("B", t0, false, 0) }, t0, false, false},
		{"forgotten", func(c *noticeCache) { c.put("A", t0, false, 0); c.forget("A") }, t0, false, false},
		{"lookup raced a forget", func(c *noticeCache) {
			_, _, gen := c.get("A", t0)
			c.forget("B")
			c.put("A", t0, false, gen)
		}, t0, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var nc noticeCache
			c.do(&nc)
			any, known, _ := nc.get("A", c.at)
			if any != c.any || known != c.known {
				t.Errorf("get = %v, %v; want %v, %v", any, known, c.any, c.known)
			}
		})
	}
}

// TestNoticeCacheBounded: past noticeMax establishments the stale are
// dropped, and all of them if none is stale.
func TestNoticeCacheBounded(t *testing.T) {
	t0 := time.Date(2026, 3, 18, 9, 0, 0, 0, time.UTC)
	var nc noticeCache
	for i := range noticeMax {
		nc.put(fmt.Sprint(i), t0, false, 0)
	}
	nc.put("late", t0.Add(noticeFor), false, 0)
	if len(nc.m) != 1 {
		t.Errorf("%d entries after the stale were dropped, want 1", len(nc.m))
	}
	for i := range 2 * noticeMax {
		nc.put(fmt.Sprint(i), t0.Add(noticeFor), false, 0)
	}
	if len(nc.m) > noticeMax {
		t.Errorf("%d entries, want at most %d", len(nc.m), noticeMax)
	}
}
