<?php
// greet a user
function greet(?User $u) {
    echo "hi 😀 " . $u->name;
}
$page = $_GET["page"];

