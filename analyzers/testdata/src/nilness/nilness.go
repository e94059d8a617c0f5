package nilness

type user struct{ name string }

func f(p *user) string {
	if p == nil {
		return p.name // want `nil dereference in field selection`
	}
	return p.name
}
