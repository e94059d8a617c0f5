<?php
// exempt: a BOM is inline HTML output before the tag, so PHP forbids the declare
echo 1;
