<?php
echo $x;
