package edge

var s = "😀é" + x // emoji

func f() {}
