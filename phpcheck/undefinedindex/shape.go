package undefinedindex

import "maps"

// A shape is what the check knows of an array's keys: the keys it has,
// those it may lack, and what holds for every other key. Shapes come from
// array literals, declared types (array{...}, list{...}) and the results of
// builtins (see builtins.go). A shape is never changed once a state holds
// it by more than one name: writes replace the variable's shape by a copy.
type shape struct {
	keys map[key]elem
	// rest says what holds for a key not in keys.
	rest rest
	// restFrom is the first integer key that restMaybeInts covers.
	restFrom int64
	// from says where the shape comes from, for messages ("explode() at
	// line 4", "@param at line 9"); "" for a literal written in the same
	// function, whose keys the message lists instead.
	from string
	// why says why a maybe key may be missing ("explode() returns one
	// element when the delimiter does not occur").
	why string
	// dense reports that an integer key exists when a greater one does
	// (preg_match's groups: a group that took part sets the ones before).
	dense bool
}

// elem is one key of a shape.
type elem struct {
	maybe bool
	// unsure says nothing is known of the key (see union).
	unsure bool
	// sub is the shape of the key's value when it is an array of known
	// shape; nil when unknown. It is never modified.
	sub *shape
}

// rest is what a shape says of the keys it does not list.
type rest uint8

const (
	// restAbsent: no other key exists (a literal, a sealed shape).
	restAbsent rest = iota
	// restMaybeInts: other integer keys from restFrom on may exist (the
	// tail of a list of unknown length); string keys do not.
	restMaybeInts
	// restMaybe: any other key may exist, none is sure (parse_str's
	// output).
	restMaybe
	// restUnknown: nothing is known of other keys; reads of them are
	// never reported.
	restUnknown
)

// status is what a shape says of one key.
type status uint8

const (
	unknown status = iota
	has
	maybe
	absent
)

// get returns what s says of key k, and the shape of its value.
func (s *shape) get(k key) (status, *shape) {
	if s == nil {
		return unknown, nil
	}
	if e, ok := s.keys[k]; ok {
		if e.unsure {
			return unknown, e.sub
		}
		if e.maybe {
			return maybe, e.sub
		}
		return has, e.sub
	}
	switch s.rest {
	case restAbsent:
		return absent, nil
	case restMaybeInts:
		if n, ok := k.int(); ok && n >= s.restFrom {
			return maybe, nil
		}
		return absent, nil
	case restMaybe:
		return maybe, nil
	}
	return unknown, nil
}

// clone returns a copy of s whose keys can be written.
func (s *shape) clone() *shape {
	if s == nil {
		return nil
	}
	c := *s
	c.keys = maps.Clone(s.keys)
	if c.keys == nil {
		c.keys = map[key]elem{}
	}
	return &c
}

// set records that key k exists with a value of shape sub.
func (s *shape) set(k key, sub *shape) {
	s.keys[k] = elem{sub: sub}
}

// weaker returns the rest of two shapes joined: the one that says less.
func weaker(a, b *shape) (rest, int64) {
	r, from := max(a.rest, b.rest), a.restFrom
	if a.rest == b.rest && a.rest == restMaybeInts {
		from = min(a.restFrom, b.restFrom)
	} else if b.rest == r {
		from = b.restFrom
	}
	return r, from
}

// join returns the shape of an array at a point where two paths meet. A
// key that one path has exists: a key set on some path only is not
// reported, since the paths are often correlated (`if ($f) $a['k'] = 1;
// ... if ($f) echo $a['k'];`). A key only maybe on one path stays maybe.
func join(a, b *shape) *shape {
	return combine(a, b, false)
}

// union returns the shape of a value that has one of two declared types
// (array{a: int}|array{b: int}): a key is sure only if both have it. A key
// one has and the other lacks is not followed: code tells such members
// apart by a tag key (`if ($x['type'] === 'a')`), which the check does not
// narrow on.
func union(a, b *shape) *shape {
	return combine(a, b, true)
}

func combine(a, b *shape, strict bool) *shape {
	if a == nil || b == nil {
		return nil
	}
	if a == b {
		return a
	}
	m := &shape{keys: make(map[key]elem, len(a.keys)), from: a.from, why: a.why}
	m.rest, m.restFrom = weaker(a, b)
	if m.rest == restUnknown {
		// Keys the other side lacks could be anything: keep only
		// what both say.
		m.rest = restUnknown
	}
	if m.from == "" {
		m.from = b.from
	}
	if m.why == "" {
		m.why = b.why
	}
	add := func(k key) {
		if _, done := m.keys[k]; done {
			return
		}
		sa, suba := a.get(k)
		sb, subb := b.get(k)
		var sub *shape
		if suba == subb {
			sub = suba
		} else if suba != nil && subb != nil {
			sub = combine(suba, subb, strict)
		}
		switch {
		case sa == unknown || sb == unknown:
			if sa == has || sb == has {
				m.keys[k] = elem{sub: sub}
			}
			// otherwise left to the rest, which is unknown here
		case sa == has && sb == has:
			m.keys[k] = elem{sub: sub}
		case !strict && (sa == has || sb == has):
			m.keys[k] = elem{sub: sub}
		case strict && (sa == has && sb == absent || sa == absent && sb == has):
			m.keys[k] = elem{unsure: true}
		case sa == absent && sb == absent:
		default:
			m.keys[k] = elem{maybe: true, sub: sub}
		}
	}
	for k := range a.keys {
		add(k)
	}
	for k := range b.keys {
		add(k)
	}
	return m
}

// keySet returns the keys a shape may have, for messages.
func (s *shape) keySet() map[key]bool {
	ks := make(map[key]bool, len(s.keys))
	for k := range s.keys {
		ks[k] = true
	}
	return ks
}
