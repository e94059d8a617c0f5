package p

var s = "é😀" + t
