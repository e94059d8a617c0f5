package sa4031

func f() int {
	m := make(map[string]int)
	if m == nil { // want `this nil check is never true`
		return 0
	}
	return len(m)
}
