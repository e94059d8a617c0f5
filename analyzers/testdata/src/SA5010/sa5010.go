package sa5010

type A interface{ M() int }

type B interface{ M() string }

func f(a A) bool {
	_, ok := a.(B) // want `impossible type assertion`
	return ok
}
