<?php
echo $a;
// lone CR next$b = 😀 . $c;

