# -*- coding: latin-1 -*-
# expect: pass
# function: relu
# function: softmax
# Exercice 03 : fonctions d'activation (élève : Hélène)
import numpy as np


def relu(x):
    # mettre à zéro les valeurs négatives
    return np.maximum(x, 0.0)


def softmax(z):
    # stabilité numérique : on retranche le maximum
    e = np.exp(z - np.max(z))
    return e / np.sum(e)
