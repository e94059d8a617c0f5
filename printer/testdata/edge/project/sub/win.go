package sub

var v = 1
