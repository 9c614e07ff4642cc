# -*- coding: utf-8 -*-
# expect: pass
# function: zero_pad
# function: conv_single_step
# function: distribute_value
# 作业：卷积神经网络（逐步实现）— Übung 1, Größe und Füllung
import numpy as np


def zero_pad(X, pad):
    # 在高和宽两个维度上补零
    Füllung = ((0, 0), (pad, pad), (pad, pad), (0, 0))
    return np.pad(X, Füllung, mode="constant", constant_values=0)


def conv_single_step(a_slice_prev, W, b):
    積 = a_slice_prev * W  # 逐元素相乘
    Σ = np.sum(積)
    return Σ + float(np.asarray(b).ravel()[0])


def distribute_value(dz, shape):
    (n_H, n_W) = shape
    größe = n_H * n_W  # Anzahl der Elemente im Fenster
    return np.full(shape, dz / größe)
