<?= "exempt: a short echo tag template" ?>
