<?php
// Prints, for each path read from standard input (one a line), one JSON
// line: PHP's tokens of that file as [name, byte offset] pairs (a
// single-character token's name is its text), or null when token_get_all
// throws or its tokens do not spell the file (then PHP itself gave up).
while (($path = fgets(STDIN)) !== false) {
    $src = file_get_contents(rtrim($path, "\n"));
    try {
        $toks = token_get_all($src);
    } catch (Throwable $e) {
        echo "null\n";
        continue;
    }
    $out = [];
    $off = 0;
    foreach ($toks as $t) {
        $text = is_array($t) ? $t[1] : $t;
        if ($text === '') {
            continue;
        }
        $out[] = [is_array($t) ? token_name($t[0]) : $t, $off];
        $off += strlen($text);
    }
    echo $off === strlen($src) ? json_encode($out) : 'null', "\n";
}
