package campaign

import (
	"sync"
	"time"
)

// A held sender's flood is matched copy after copy, and each asked the
// store for the notices its establishment's head and staff sent
// (relayOfNotice): 7 % of the server's CPU in a contained flood
// (docs/performance.md, « A contained sender's flood, paced »), to find
// none in nearly every case. noticeCache remembers, per establishment and
// for noticeFor, whether its head and staff sent anything within Window,
// so that a flood asks the store once a second where they sent nothing
// (and once a message, as before, where they did). It errs only one way: a notice
// sent through another process within that second is not seen, and the
// message is judged as any other (held if it is the wave's). A
// broadcaster's message watched in this process forgets its
// establishment at once.
const noticeFor = time.Second

// noticeMax bounds the establishments remembered; past it the stale
// entries are dropped.
const noticeMax = 4096

type noticeCache struct {
	mu  sync.Mutex
	m   map[string]noticeSeen // by UAI
	gen uint64                // counts forgets: a lookup that raced one is not kept
}

type noticeSeen struct {
	at  time.Time // when the store was asked
	any bool      // whether the head or staff had sent anything
}

// get reports what is known of the establishment as of at (known false:
// ask the store), and the generation to give put.
func (c *noticeCache) get(uai string, at time.Time) (any, known bool, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, found := c.m[uai]
	if found && fresh(s.at, at) {
		return s.any, true, c.gen
	}
	return false, false, c.gen
}

func fresh(asked, at time.Time) bool { return !at.Before(asked) && at.Sub(asked) < noticeFor }

// put remembers what the store answered for the establishment as of at,
// unless a forget came since the lookup of generation gen.
func (c *noticeCache) put(uai string, at time.Time, any bool, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.m == nil {
		c.m = map[string]noticeSeen{}
	}
	if len(c.m) >= noticeMax {
		for k, s := range c.m {
			if !fresh(s.at, at) {
				delete(c.m, k)
			}
		}
		if len(c.m) >= noticeMax {
			clear(c.m)
		}
	}
	c.m[uai] = noticeSeen{at, any}
}

// forget drops what is known of an establishment whose head or staff
// sends a message.
func (c *noticeCache) forget(uai string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	delete(c.m, uai)
}
