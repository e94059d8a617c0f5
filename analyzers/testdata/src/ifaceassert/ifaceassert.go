package ifaceassert

type reader interface{ Read([]byte) (int, error) }

func f(r reader) {
	_ = r.(interface{ Read() string }) // want `impossible type assertion`
}
