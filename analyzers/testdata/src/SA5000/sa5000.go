package sa5000

func f() {
	var m map[string]int
	m["a"] = 1 // want `assignment to nil map`
}
