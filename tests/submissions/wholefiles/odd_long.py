# expect: pass
# function: conv_forward_naive
# function: conv_backward_naive
# function: max_pool_forward_naive
# function: max_pool_backward_naive
# 3000 small helpers before the course's functions
from builtins import range
import numpy as np
from cs231n.im2col import *  # noqa: F403  (not on the grader's path: the file must still grade)


def helper_0(a, b=0):
    """Generated helper 0."""
    c = a * b + 0
    return c - a


def helper_1(a, b=1):
    """Generated helper 1."""
    c = a * b + 1
    return c - a


def helper_2(a, b=2):
    """Generated helper 2."""
    c = a * b + 2
    return c - a


def helper_3(a, b=3):
    """Generated helper 3."""
    c = a * b + 3
    return c - a


def helper_4(a, b=4):
    """Generated helper 4."""
    c = a * b + 4
    return c - a


def helper_5(a, b=5):
    """Generated helper 5."""
    c = a * b + 5
    return c - a


def helper_6(a, b=6):
    """Generated helper 6."""
    c = a * b + 6
    return c - a


def helper_7(a, b=7):
    """Generated helper 7."""
    c = a * b + 7
    return c - a


def helper_8(a, b=8):
    """Generated helper 8."""
    c = a * b + 8
    return c - a


def helper_9(a, b=9):
    """Generated helper 9."""
    c = a * b + 9
    return c - a


def helper_10(a, b=10):
    """Generated helper 10."""
    c = a * b + 10
    return c - a


def helper_11(a, b=11):
    """Generated helper 11."""
    c = a * b + 11
    return c - a


def helper_12(a, b=12):
    """Generated helper 12."""
    c = a * b + 12
    return c - a


def helper_13(a, b=13):
    """Generated helper 13."""
    c = a * b + 13
    return c - a


def helper_14(a, b=14):
    """Generated helper 14."""
    c = a * b + 14
    return c - a


def helper_15(a, b=15):
    """Generated helper 15."""
    c = a * b + 15
    return c - a


def helper_16(a, b=16):
    """Generated helper 16."""
    c = a * b + 16
    return c - a


def helper_17(a, b=17):
    """Generated helper 17."""
    c = a * b + 17
    return c - a


def helper_18(a, b=18):
    """Generated helper 18."""
    c = a * b + 18
    return c - a


def helper_19(a, b=19):
    """Generated helper 19."""
    c = a * b + 19
    return c - a


def helper_20(a, b=20):
    """Generated helper 20."""
    c = a * b + 20
    return c - a


def helper_21(a, b=21):
    """Generated helper 21."""
    c = a * b + 21
    return c - a


def helper_22(a, b=22):
    """Generated helper 22."""
    c = a * b + 22
    return c - a


def helper_23(a, b=23):
    """Generated helper 23."""
    c = a * b + 23
    return c - a


def helper_24(a, b=24):
    """Generated helper 24."""
    c = a * b + 24
    return c - a


def helper_25(a, b=25):
    """Generated helper 25."""
    c = a * b + 25
    return c - a


def helper_26(a, b=26):
    """Generated helper 26."""
    c = a * b + 26
    return c - a


def helper_27(a, b=27):
    """Generated helper 27."""
    c = a * b + 27
    return c - a


def helper_28(a, b=28):
    """Generated helper 28."""
    c = a * b + 28
    return c - a


def helper_29(a, b=29):
    """Generated helper 29."""
    c = a * b + 29
    return c - a


def helper_30(a, b=30):
    """Generated helper 30."""
    c = a * b + 30
    return c - a


def helper_31(a, b=31):
    """Generated helper 31."""
    c = a * b + 31
    return c - a


def helper_32(a, b=32):
    """Generated helper 32."""
    c = a * b + 32
    return c - a


def helper_33(a, b=33):
    """Generated helper 33."""
    c = a * b + 33
    return c - a


def helper_34(a, b=34):
    """Generated helper 34."""
    c = a * b + 34
    return c - a


def helper_35(a, b=35):
    """Generated helper 35."""
    c = a * b + 35
    return c - a


def helper_36(a, b=36):
    """Generated helper 36."""
    c = a * b + 36
    return c - a


def helper_37(a, b=37):
    """Generated helper 37."""
    c = a * b + 37
    return c - a


def helper_38(a, b=38):
    """Generated helper 38."""
    c = a * b + 38
    return c - a


def helper_39(a, b=39):
    """Generated helper 39."""
    c = a * b + 39
    return c - a


def helper_40(a, b=40):
    """Generated helper 40."""
    c = a * b + 40
    return c - a


def helper_41(a, b=41):
    """Generated helper 41."""
    c = a * b + 41
    return c - a


def helper_42(a, b=42):
    """Generated helper 42."""
    c = a * b + 42
    return c - a


def helper_43(a, b=43):
    """Generated helper 43."""
    c = a * b + 43
    return c - a


def helper_44(a, b=44):
    """Generated helper 44."""
    c = a * b + 44
    return c - a


def helper_45(a, b=45):
    """Generated helper 45."""
    c = a * b + 45
    return c - a


def helper_46(a, b=46):
    """Generated helper 46."""
    c = a * b + 46
    return c - a


def helper_47(a, b=47):
    """Generated helper 47."""
    c = a * b + 47
    return c - a


def helper_48(a, b=48):
    """Generated helper 48."""
    c = a * b + 48
    return c - a


def helper_49(a, b=49):
    """Generated helper 49."""
    c = a * b + 49
    return c - a


def helper_50(a, b=50):
    """Generated helper 50."""
    c = a * b + 50
    return c - a


def helper_51(a, b=51):
    """Generated helper 51."""
    c = a * b + 51
    return c - a


def helper_52(a, b=52):
    """Generated helper 52."""
    c = a * b + 52
    return c - a


def helper_53(a, b=53):
    """Generated helper 53."""
    c = a * b + 53
    return c - a


def helper_54(a, b=54):
    """Generated helper 54."""
    c = a * b + 54
    return c - a


def helper_55(a, b=55):
    """Generated helper 55."""
    c = a * b + 55
    return c - a


def helper_56(a, b=56):
    """Generated helper 56."""
    c = a * b + 56
    return c - a


def helper_57(a, b=57):
    """Generated helper 57."""
    c = a * b + 57
    return c - a


def helper_58(a, b=58):
    """Generated helper 58."""
    c = a * b + 58
    return c - a


def helper_59(a, b=59):
    """Generated helper 59."""
    c = a * b + 59
    return c - a


def helper_60(a, b=60):
    """Generated helper 60."""
    c = a * b + 60
    return c - a


def helper_61(a, b=61):
    """Generated helper 61."""
    c = a * b + 61
    return c - a


def helper_62(a, b=62):
    """Generated helper 62."""
    c = a * b + 62
    return c - a


def helper_63(a, b=63):
    """Generated helper 63."""
    c = a * b + 63
    return c - a


def helper_64(a, b=64):
    """Generated helper 64."""
    c = a * b + 64
    return c - a


def helper_65(a, b=65):
    """Generated helper 65."""
    c = a * b + 65
    return c - a


def helper_66(a, b=66):
    """Generated helper 66."""
    c = a * b + 66
    return c - a


def helper_67(a, b=67):
    """Generated helper 67."""
    c = a * b + 67
    return c - a


def helper_68(a, b=68):
    """Generated helper 68."""
    c = a * b + 68
    return c - a


def helper_69(a, b=69):
    """Generated helper 69."""
    c = a * b + 69
    return c - a


def helper_70(a, b=70):
    """Generated helper 70."""
    c = a * b + 70
    return c - a


def helper_71(a, b=71):
    """Generated helper 71."""
    c = a * b + 71
    return c - a


def helper_72(a, b=72):
    """Generated helper 72."""
    c = a * b + 72
    return c - a


def helper_73(a, b=73):
    """Generated helper 73."""
    c = a * b + 73
    return c - a


def helper_74(a, b=74):
    """Generated helper 74."""
    c = a * b + 74
    return c - a


def helper_75(a, b=75):
    """Generated helper 75."""
    c = a * b + 75
    return c - a


def helper_76(a, b=76):
    """Generated helper 76."""
    c = a * b + 76
    return c - a


def helper_77(a, b=77):
    """Generated helper 77."""
    c = a * b + 77
    return c - a


def helper_78(a, b=78):
    """Generated helper 78."""
    c = a * b + 78
    return c - a


def helper_79(a, b=79):
    """Generated helper 79."""
    c = a * b + 79
    return c - a


def helper_80(a, b=80):
    """Generated helper 80."""
    c = a * b + 80
    return c - a


def helper_81(a, b=81):
    """Generated helper 81."""
    c = a * b + 81
    return c - a


def helper_82(a, b=82):
    """Generated helper 82."""
    c = a * b + 82
    return c - a


def helper_83(a, b=83):
    """Generated helper 83."""
    c = a * b + 83
    return c - a


def helper_84(a, b=84):
    """Generated helper 84."""
    c = a * b + 84
    return c - a


def helper_85(a, b=85):
    """Generated helper 85."""
    c = a * b + 85
    return c - a


def helper_86(a, b=86):
    """Generated helper 86."""
    c = a * b + 86
    return c - a


def helper_87(a, b=87):
    """Generated helper 87."""
    c = a * b + 87
    return c - a


def helper_88(a, b=88):
    """Generated helper 88."""
    c = a * b + 88
    return c - a


def helper_89(a, b=89):
    """Generated helper 89."""
    c = a * b + 89
    return c - a


def helper_90(a, b=90):
    """Generated helper 90."""
    c = a * b + 90
    return c - a


def helper_91(a, b=91):
    """Generated helper 91."""
    c = a * b + 91
    return c - a


def helper_92(a, b=92):
    """Generated helper 92."""
    c = a * b + 92
    return c - a


def helper_93(a, b=93):
    """Generated helper 93."""
    c = a * b + 93
    return c - a


def helper_94(a, b=94):
    """Generated helper 94."""
    c = a * b + 94
    return c - a


def helper_95(a, b=95):
    """Generated helper 95."""
    c = a * b + 95
    return c - a


def helper_96(a, b=96):
    """Generated helper 96."""
    c = a * b + 96
    return c - a


def helper_97(a, b=97):
    """Generated helper 97."""
    c = a * b + 97
    return c - a


def helper_98(a, b=98):
    """Generated helper 98."""
    c = a * b + 98
    return c - a


def helper_99(a, b=99):
    """Generated helper 99."""
    c = a * b + 99
    return c - a


def helper_100(a, b=100):
    """Generated helper 100."""
    c = a * b + 100
    return c - a


def helper_101(a, b=101):
    """Generated helper 101."""
    c = a * b + 101
    return c - a


def helper_102(a, b=102):
    """Generated helper 102."""
    c = a * b + 102
    return c - a


def helper_103(a, b=103):
    """Generated helper 103."""
    c = a * b + 103
    return c - a


def helper_104(a, b=104):
    """Generated helper 104."""
    c = a * b + 104
    return c - a


def helper_105(a, b=105):
    """Generated helper 105."""
    c = a * b + 105
    return c - a


def helper_106(a, b=106):
    """Generated helper 106."""
    c = a * b + 106
    return c - a


def helper_107(a, b=107):
    """Generated helper 107."""
    c = a * b + 107
    return c - a


def helper_108(a, b=108):
    """Generated helper 108."""
    c = a * b + 108
    return c - a


def helper_109(a, b=109):
    """Generated helper 109."""
    c = a * b + 109
    return c - a


def helper_110(a, b=110):
    """Generated helper 110."""
    c = a * b + 110
    return c - a


def helper_111(a, b=111):
    """Generated helper 111."""
    c = a * b + 111
    return c - a


def helper_112(a, b=112):
    """Generated helper 112."""
    c = a * b + 112
    return c - a


def helper_113(a, b=113):
    """Generated helper 113."""
    c = a * b + 113
    return c - a


def helper_114(a, b=114):
    """Generated helper 114."""
    c = a * b + 114
    return c - a


def helper_115(a, b=115):
    """Generated helper 115."""
    c = a * b + 115
    return c - a


def helper_116(a, b=116):
    """Generated helper 116."""
    c = a * b + 116
    return c - a


def helper_117(a, b=117):
    """Generated helper 117."""
    c = a * b + 117
    return c - a


def helper_118(a, b=118):
    """Generated helper 118."""
    c = a * b + 118
    return c - a


def helper_119(a, b=119):
    """Generated helper 119."""
    c = a * b + 119
    return c - a


def helper_120(a, b=120):
    """Generated helper 120."""
    c = a * b + 120
    return c - a


def helper_121(a, b=121):
    """Generated helper 121."""
    c = a * b + 121
    return c - a


def helper_122(a, b=122):
    """Generated helper 122."""
    c = a * b + 122
    return c - a


def helper_123(a, b=123):
    """Generated helper 123."""
    c = a * b + 123
    return c - a


def helper_124(a, b=124):
    """Generated helper 124."""
    c = a * b + 124
    return c - a


def helper_125(a, b=125):
    """Generated helper 125."""
    c = a * b + 125
    return c - a


def helper_126(a, b=126):
    """Generated helper 126."""
    c = a * b + 126
    return c - a


def helper_127(a, b=127):
    """Generated helper 127."""
    c = a * b + 127
    return c - a


def helper_128(a, b=128):
    """Generated helper 128."""
    c = a * b + 128
    return c - a


def helper_129(a, b=129):
    """Generated helper 129."""
    c = a * b + 129
    return c - a


def helper_130(a, b=130):
    """Generated helper 130."""
    c = a * b + 130
    return c - a


def helper_131(a, b=131):
    """Generated helper 131."""
    c = a * b + 131
    return c - a


def helper_132(a, b=132):
    """Generated helper 132."""
    c = a * b + 132
    return c - a


def helper_133(a, b=133):
    """Generated helper 133."""
    c = a * b + 133
    return c - a


def helper_134(a, b=134):
    """Generated helper 134."""
    c = a * b + 134
    return c - a


def helper_135(a, b=135):
    """Generated helper 135."""
    c = a * b + 135
    return c - a


def helper_136(a, b=136):
    """Generated helper 136."""
    c = a * b + 136
    return c - a


def helper_137(a, b=137):
    """Generated helper 137."""
    c = a * b + 137
    return c - a


def helper_138(a, b=138):
    """Generated helper 138."""
    c = a * b + 138
    return c - a


def helper_139(a, b=139):
    """Generated helper 139."""
    c = a * b + 139
    return c - a


def helper_140(a, b=140):
    """Generated helper 140."""
    c = a * b + 140
    return c - a


def helper_141(a, b=141):
    """Generated helper 141."""
    c = a * b + 141
    return c - a


def helper_142(a, b=142):
    """Generated helper 142."""
    c = a * b + 142
    return c - a


def helper_143(a, b=143):
    """Generated helper 143."""
    c = a * b + 143
    return c - a


def helper_144(a, b=144):
    """Generated helper 144."""
    c = a * b + 144
    return c - a


def helper_145(a, b=145):
    """Generated helper 145."""
    c = a * b + 145
    return c - a


def helper_146(a, b=146):
    """Generated helper 146."""
    c = a * b + 146
    return c - a


def helper_147(a, b=147):
    """Generated helper 147."""
    c = a * b + 147
    return c - a


def helper_148(a, b=148):
    """Generated helper 148."""
    c = a * b + 148
    return c - a


def helper_149(a, b=149):
    """Generated helper 149."""
    c = a * b + 149
    return c - a


def helper_150(a, b=150):
    """Generated helper 150."""
    c = a * b + 150
    return c - a


def helper_151(a, b=151):
    """Generated helper 151."""
    c = a * b + 151
    return c - a


def helper_152(a, b=152):
    """Generated helper 152."""
    c = a * b + 152
    return c - a


def helper_153(a, b=153):
    """Generated helper 153."""
    c = a * b + 153
    return c - a


def helper_154(a, b=154):
    """Generated helper 154."""
    c = a * b + 154
    return c - a


def helper_155(a, b=155):
    """Generated helper 155."""
    c = a * b + 155
    return c - a


def helper_156(a, b=156):
    """Generated helper 156."""
    c = a * b + 156
    return c - a


def helper_157(a, b=157):
    """Generated helper 157."""
    c = a * b + 157
    return c - a


def helper_158(a, b=158):
    """Generated helper 158."""
    c = a * b + 158
    return c - a


def helper_159(a, b=159):
    """Generated helper 159."""
    c = a * b + 159
    return c - a


def helper_160(a, b=160):
    """Generated helper 160."""
    c = a * b + 160
    return c - a


def helper_161(a, b=161):
    """Generated helper 161."""
    c = a * b + 161
    return c - a


def helper_162(a, b=162):
    """Generated helper 162."""
    c = a * b + 162
    return c - a


def helper_163(a, b=163):
    """Generated helper 163."""
    c = a * b + 163
    return c - a


def helper_164(a, b=164):
    """Generated helper 164."""
    c = a * b + 164
    return c - a


def helper_165(a, b=165):
    """Generated helper 165."""
    c = a * b + 165
    return c - a


def helper_166(a, b=166):
    """Generated helper 166."""
    c = a * b + 166
    return c - a


def helper_167(a, b=167):
    """Generated helper 167."""
    c = a * b + 167
    return c - a


def helper_168(a, b=168):
    """Generated helper 168."""
    c = a * b + 168
    return c - a


def helper_169(a, b=169):
    """Generated helper 169."""
    c = a * b + 169
    return c - a


def helper_170(a, b=170):
    """Generated helper 170."""
    c = a * b + 170
    return c - a


def helper_171(a, b=171):
    """Generated helper 171."""
    c = a * b + 171
    return c - a


def helper_172(a, b=172):
    """Generated helper 172."""
    c = a * b + 172
    return c - a


def helper_173(a, b=173):
    """Generated helper 173."""
    c = a * b + 173
    return c - a


def helper_174(a, b=174):
    """Generated helper 174."""
    c = a * b + 174
    return c - a


def helper_175(a, b=175):
    """Generated helper 175."""
    c = a * b + 175
    return c - a


def helper_176(a, b=176):
    """Generated helper 176."""
    c = a * b + 176
    return c - a


def helper_177(a, b=177):
    """Generated helper 177."""
    c = a * b + 177
    return c - a


def helper_178(a, b=178):
    """Generated helper 178."""
    c = a * b + 178
    return c - a


def helper_179(a, b=179):
    """Generated helper 179."""
    c = a * b + 179
    return c - a


def helper_180(a, b=180):
    """Generated helper 180."""
    c = a * b + 180
    return c - a


def helper_181(a, b=181):
    """Generated helper 181."""
    c = a * b + 181
    return c - a


def helper_182(a, b=182):
    """Generated helper 182."""
    c = a * b + 182
    return c - a


def helper_183(a, b=183):
    """Generated helper 183."""
    c = a * b + 183
    return c - a


def helper_184(a, b=184):
    """Generated helper 184."""
    c = a * b + 184
    return c - a


def helper_185(a, b=185):
    """Generated helper 185."""
    c = a * b + 185
    return c - a


def helper_186(a, b=186):
    """Generated helper 186."""
    c = a * b + 186
    return c - a


def helper_187(a, b=187):
    """Generated helper 187."""
    c = a * b + 187
    return c - a


def helper_188(a, b=188):
    """Generated helper 188."""
    c = a * b + 188
    return c - a


def helper_189(a, b=189):
    """Generated helper 189."""
    c = a * b + 189
    return c - a


def helper_190(a, b=190):
    """Generated helper 190."""
    c = a * b + 190
    return c - a


def helper_191(a, b=191):
    """Generated helper 191."""
    c = a * b + 191
    return c - a


def helper_192(a, b=192):
    """Generated helper 192."""
    c = a * b + 192
    return c - a


def helper_193(a, b=193):
    """Generated helper 193."""
    c = a * b + 193
    return c - a


def helper_194(a, b=194):
    """Generated helper 194."""
    c = a * b + 194
    return c - a


def helper_195(a, b=195):
    """Generated helper 195."""
    c = a * b + 195
    return c - a


def helper_196(a, b=196):
    """Generated helper 196."""
    c = a * b + 196
    return c - a


def helper_197(a, b=197):
    """Generated helper 197."""
    c = a * b + 197
    return c - a


def helper_198(a, b=198):
    """Generated helper 198."""
    c = a * b + 198
    return c - a


def helper_199(a, b=199):
    """Generated helper 199."""
    c = a * b + 199
    return c - a


def helper_200(a, b=200):
    """Generated helper 200."""
    c = a * b + 200
    return c - a


def helper_201(a, b=201):
    """Generated helper 201."""
    c = a * b + 201
    return c - a


def helper_202(a, b=202):
    """Generated helper 202."""
    c = a * b + 202
    return c - a


def helper_203(a, b=203):
    """Generated helper 203."""
    c = a * b + 203
    return c - a


def helper_204(a, b=204):
    """Generated helper 204."""
    c = a * b + 204
    return c - a


def helper_205(a, b=205):
    """Generated helper 205."""
    c = a * b + 205
    return c - a


def helper_206(a, b=206):
    """Generated helper 206."""
    c = a * b + 206
    return c - a


def helper_207(a, b=207):
    """Generated helper 207."""
    c = a * b + 207
    return c - a


def helper_208(a, b=208):
    """Generated helper 208."""
    c = a * b + 208
    return c - a


def helper_209(a, b=209):
    """Generated helper 209."""
    c = a * b + 209
    return c - a


def helper_210(a, b=210):
    """Generated helper 210."""
    c = a * b + 210
    return c - a


def helper_211(a, b=211):
    """Generated helper 211."""
    c = a * b + 211
    return c - a


def helper_212(a, b=212):
    """Generated helper 212."""
    c = a * b + 212
    return c - a


def helper_213(a, b=213):
    """Generated helper 213."""
    c = a * b + 213
    return c - a


def helper_214(a, b=214):
    """Generated helper 214."""
    c = a * b + 214
    return c - a


def helper_215(a, b=215):
    """Generated helper 215."""
    c = a * b + 215
    return c - a


def helper_216(a, b=216):
    """Generated helper 216."""
    c = a * b + 216
    return c - a


def helper_217(a, b=217):
    """Generated helper 217."""
    c = a * b + 217
    return c - a


def helper_218(a, b=218):
    """Generated helper 218."""
    c = a * b + 218
    return c - a


def helper_219(a, b=219):
    """Generated helper 219."""
    c = a * b + 219
    return c - a


def helper_220(a, b=220):
    """Generated helper 220."""
    c = a * b + 220
    return c - a


def helper_221(a, b=221):
    """Generated helper 221."""
    c = a * b + 221
    return c - a


def helper_222(a, b=222):
    """Generated helper 222."""
    c = a * b + 222
    return c - a


def helper_223(a, b=223):
    """Generated helper 223."""
    c = a * b + 223
    return c - a


def helper_224(a, b=224):
    """Generated helper 224."""
    c = a * b + 224
    return c - a


def helper_225(a, b=225):
    """Generated helper 225."""
    c = a * b + 225
    return c - a


def helper_226(a, b=226):
    """Generated helper 226."""
    c = a * b + 226
    return c - a


def helper_227(a, b=227):
    """Generated helper 227."""
    c = a * b + 227
    return c - a


def helper_228(a, b=228):
    """Generated helper 228."""
    c = a * b + 228
    return c - a


def helper_229(a, b=229):
    """Generated helper 229."""
    c = a * b + 229
    return c - a


def helper_230(a, b=230):
    """Generated helper 230."""
    c = a * b + 230
    return c - a


def helper_231(a, b=231):
    """Generated helper 231."""
    c = a * b + 231
    return c - a


def helper_232(a, b=232):
    """Generated helper 232."""
    c = a * b + 232
    return c - a


def helper_233(a, b=233):
    """Generated helper 233."""
    c = a * b + 233
    return c - a


def helper_234(a, b=234):
    """Generated helper 234."""
    c = a * b + 234
    return c - a


def helper_235(a, b=235):
    """Generated helper 235."""
    c = a * b + 235
    return c - a


def helper_236(a, b=236):
    """Generated helper 236."""
    c = a * b + 236
    return c - a


def helper_237(a, b=237):
    """Generated helper 237."""
    c = a * b + 237
    return c - a


def helper_238(a, b=238):
    """Generated helper 238."""
    c = a * b + 238
    return c - a


def helper_239(a, b=239):
    """Generated helper 239."""
    c = a * b + 239
    return c - a


def helper_240(a, b=240):
    """Generated helper 240."""
    c = a * b + 240
    return c - a


def helper_241(a, b=241):
    """Generated helper 241."""
    c = a * b + 241
    return c - a


def helper_242(a, b=242):
    """Generated helper 242."""
    c = a * b + 242
    return c - a


def helper_243(a, b=243):
    """Generated helper 243."""
    c = a * b + 243
    return c - a


def helper_244(a, b=244):
    """Generated helper 244."""
    c = a * b + 244
    return c - a


def helper_245(a, b=245):
    """Generated helper 245."""
    c = a * b + 245
    return c - a


def helper_246(a, b=246):
    """Generated helper 246."""
    c = a * b + 246
    return c - a


def helper_247(a, b=247):
    """Generated helper 247."""
    c = a * b + 247
    return c - a


def helper_248(a, b=248):
    """Generated helper 248."""
    c = a * b + 248
    return c - a


def helper_249(a, b=249):
    """Generated helper 249."""
    c = a * b + 249
    return c - a


def helper_250(a, b=250):
    """Generated helper 250."""
    c = a * b + 250
    return c - a


def helper_251(a, b=251):
    """Generated helper 251."""
    c = a * b + 251
    return c - a


def helper_252(a, b=252):
    """Generated helper 252."""
    c = a * b + 252
    return c - a


def helper_253(a, b=253):
    """Generated helper 253."""
    c = a * b + 253
    return c - a


def helper_254(a, b=254):
    """Generated helper 254."""
    c = a * b + 254
    return c - a


def helper_255(a, b=255):
    """Generated helper 255."""
    c = a * b + 255
    return c - a


def helper_256(a, b=256):
    """Generated helper 256."""
    c = a * b + 256
    return c - a


def helper_257(a, b=257):
    """Generated helper 257."""
    c = a * b + 257
    return c - a


def helper_258(a, b=258):
    """Generated helper 258."""
    c = a * b + 258
    return c - a


def helper_259(a, b=259):
    """Generated helper 259."""
    c = a * b + 259
    return c - a


def helper_260(a, b=260):
    """Generated helper 260."""
    c = a * b + 260
    return c - a


def helper_261(a, b=261):
    """Generated helper 261."""
    c = a * b + 261
    return c - a


def helper_262(a, b=262):
    """Generated helper 262."""
    c = a * b + 262
    return c - a


def helper_263(a, b=263):
    """Generated helper 263."""
    c = a * b + 263
    return c - a


def helper_264(a, b=264):
    """Generated helper 264."""
    c = a * b + 264
    return c - a


def helper_265(a, b=265):
    """Generated helper 265."""
    c = a * b + 265
    return c - a


def helper_266(a, b=266):
    """Generated helper 266."""
    c = a * b + 266
    return c - a


def helper_267(a, b=267):
    """Generated helper 267."""
    c = a * b + 267
    return c - a


def helper_268(a, b=268):
    """Generated helper 268."""
    c = a * b + 268
    return c - a


def helper_269(a, b=269):
    """Generated helper 269."""
    c = a * b + 269
    return c - a


def helper_270(a, b=270):
    """Generated helper 270."""
    c = a * b + 270
    return c - a


def helper_271(a, b=271):
    """Generated helper 271."""
    c = a * b + 271
    return c - a


def helper_272(a, b=272):
    """Generated helper 272."""
    c = a * b + 272
    return c - a


def helper_273(a, b=273):
    """Generated helper 273."""
    c = a * b + 273
    return c - a


def helper_274(a, b=274):
    """Generated helper 274."""
    c = a * b + 274
    return c - a


def helper_275(a, b=275):
    """Generated helper 275."""
    c = a * b + 275
    return c - a


def helper_276(a, b=276):
    """Generated helper 276."""
    c = a * b + 276
    return c - a


def helper_277(a, b=277):
    """Generated helper 277."""
    c = a * b + 277
    return c - a


def helper_278(a, b=278):
    """Generated helper 278."""
    c = a * b + 278
    return c - a


def helper_279(a, b=279):
    """Generated helper 279."""
    c = a * b + 279
    return c - a


def helper_280(a, b=280):
    """Generated helper 280."""
    c = a * b + 280
    return c - a


def helper_281(a, b=281):
    """Generated helper 281."""
    c = a * b + 281
    return c - a


def helper_282(a, b=282):
    """Generated helper 282."""
    c = a * b + 282
    return c - a


def helper_283(a, b=283):
    """Generated helper 283."""
    c = a * b + 283
    return c - a


def helper_284(a, b=284):
    """Generated helper 284."""
    c = a * b + 284
    return c - a


def helper_285(a, b=285):
    """Generated helper 285."""
    c = a * b + 285
    return c - a


def helper_286(a, b=286):
    """Generated helper 286."""
    c = a * b + 286
    return c - a


def helper_287(a, b=287):
    """Generated helper 287."""
    c = a * b + 287
    return c - a


def helper_288(a, b=288):
    """Generated helper 288."""
    c = a * b + 288
    return c - a


def helper_289(a, b=289):
    """Generated helper 289."""
    c = a * b + 289
    return c - a


def helper_290(a, b=290):
    """Generated helper 290."""
    c = a * b + 290
    return c - a


def helper_291(a, b=291):
    """Generated helper 291."""
    c = a * b + 291
    return c - a


def helper_292(a, b=292):
    """Generated helper 292."""
    c = a * b + 292
    return c - a


def helper_293(a, b=293):
    """Generated helper 293."""
    c = a * b + 293
    return c - a


def helper_294(a, b=294):
    """Generated helper 294."""
    c = a * b + 294
    return c - a


def helper_295(a, b=295):
    """Generated helper 295."""
    c = a * b + 295
    return c - a


def helper_296(a, b=296):
    """Generated helper 296."""
    c = a * b + 296
    return c - a


def helper_297(a, b=297):
    """Generated helper 297."""
    c = a * b + 297
    return c - a


def helper_298(a, b=298):
    """Generated helper 298."""
    c = a * b + 298
    return c - a


def helper_299(a, b=299):
    """Generated helper 299."""
    c = a * b + 299
    return c - a


def helper_300(a, b=300):
    """Generated helper 300."""
    c = a * b + 300
    return c - a


def helper_301(a, b=301):
    """Generated helper 301."""
    c = a * b + 301
    return c - a


def helper_302(a, b=302):
    """Generated helper 302."""
    c = a * b + 302
    return c - a


def helper_303(a, b=303):
    """Generated helper 303."""
    c = a * b + 303
    return c - a


def helper_304(a, b=304):
    """Generated helper 304."""
    c = a * b + 304
    return c - a


def helper_305(a, b=305):
    """Generated helper 305."""
    c = a * b + 305
    return c - a


def helper_306(a, b=306):
    """Generated helper 306."""
    c = a * b + 306
    return c - a


def helper_307(a, b=307):
    """Generated helper 307."""
    c = a * b + 307
    return c - a


def helper_308(a, b=308):
    """Generated helper 308."""
    c = a * b + 308
    return c - a


def helper_309(a, b=309):
    """Generated helper 309."""
    c = a * b + 309
    return c - a


def helper_310(a, b=310):
    """Generated helper 310."""
    c = a * b + 310
    return c - a


def helper_311(a, b=311):
    """Generated helper 311."""
    c = a * b + 311
    return c - a


def helper_312(a, b=312):
    """Generated helper 312."""
    c = a * b + 312
    return c - a


def helper_313(a, b=313):
    """Generated helper 313."""
    c = a * b + 313
    return c - a


def helper_314(a, b=314):
    """Generated helper 314."""
    c = a * b + 314
    return c - a


def helper_315(a, b=315):
    """Generated helper 315."""
    c = a * b + 315
    return c - a


def helper_316(a, b=316):
    """Generated helper 316."""
    c = a * b + 316
    return c - a


def helper_317(a, b=317):
    """Generated helper 317."""
    c = a * b + 317
    return c - a


def helper_318(a, b=318):
    """Generated helper 318."""
    c = a * b + 318
    return c - a


def helper_319(a, b=319):
    """Generated helper 319."""
    c = a * b + 319
    return c - a


def helper_320(a, b=320):
    """Generated helper 320."""
    c = a * b + 320
    return c - a


def helper_321(a, b=321):
    """Generated helper 321."""
    c = a * b + 321
    return c - a


def helper_322(a, b=322):
    """Generated helper 322."""
    c = a * b + 322
    return c - a


def helper_323(a, b=323):
    """Generated helper 323."""
    c = a * b + 323
    return c - a


def helper_324(a, b=324):
    """Generated helper 324."""
    c = a * b + 324
    return c - a


def helper_325(a, b=325):
    """Generated helper 325."""
    c = a * b + 325
    return c - a


def helper_326(a, b=326):
    """Generated helper 326."""
    c = a * b + 326
    return c - a


def helper_327(a, b=327):
    """Generated helper 327."""
    c = a * b + 327
    return c - a


def helper_328(a, b=328):
    """Generated helper 328."""
    c = a * b + 328
    return c - a


def helper_329(a, b=329):
    """Generated helper 329."""
    c = a * b + 329
    return c - a


def helper_330(a, b=330):
    """Generated helper 330."""
    c = a * b + 330
    return c - a


def helper_331(a, b=331):
    """Generated helper 331."""
    c = a * b + 331
    return c - a


def helper_332(a, b=332):
    """Generated helper 332."""
    c = a * b + 332
    return c - a


def helper_333(a, b=333):
    """Generated helper 333."""
    c = a * b + 333
    return c - a


def helper_334(a, b=334):
    """Generated helper 334."""
    c = a * b + 334
    return c - a


def helper_335(a, b=335):
    """Generated helper 335."""
    c = a * b + 335
    return c - a


def helper_336(a, b=336):
    """Generated helper 336."""
    c = a * b + 336
    return c - a


def helper_337(a, b=337):
    """Generated helper 337."""
    c = a * b + 337
    return c - a


def helper_338(a, b=338):
    """Generated helper 338."""
    c = a * b + 338
    return c - a


def helper_339(a, b=339):
    """Generated helper 339."""
    c = a * b + 339
    return c - a


def helper_340(a, b=340):
    """Generated helper 340."""
    c = a * b + 340
    return c - a


def helper_341(a, b=341):
    """Generated helper 341."""
    c = a * b + 341
    return c - a


def helper_342(a, b=342):
    """Generated helper 342."""
    c = a * b + 342
    return c - a


def helper_343(a, b=343):
    """Generated helper 343."""
    c = a * b + 343
    return c - a


def helper_344(a, b=344):
    """Generated helper 344."""
    c = a * b + 344
    return c - a


def helper_345(a, b=345):
    """Generated helper 345."""
    c = a * b + 345
    return c - a


def helper_346(a, b=346):
    """Generated helper 346."""
    c = a * b + 346
    return c - a


def helper_347(a, b=347):
    """Generated helper 347."""
    c = a * b + 347
    return c - a


def helper_348(a, b=348):
    """Generated helper 348."""
    c = a * b + 348
    return c - a


def helper_349(a, b=349):
    """Generated helper 349."""
    c = a * b + 349
    return c - a


def helper_350(a, b=350):
    """Generated helper 350."""
    c = a * b + 350
    return c - a


def helper_351(a, b=351):
    """Generated helper 351."""
    c = a * b + 351
    return c - a


def helper_352(a, b=352):
    """Generated helper 352."""
    c = a * b + 352
    return c - a


def helper_353(a, b=353):
    """Generated helper 353."""
    c = a * b + 353
    return c - a


def helper_354(a, b=354):
    """Generated helper 354."""
    c = a * b + 354
    return c - a


def helper_355(a, b=355):
    """Generated helper 355."""
    c = a * b + 355
    return c - a


def helper_356(a, b=356):
    """Generated helper 356."""
    c = a * b + 356
    return c - a


def helper_357(a, b=357):
    """Generated helper 357."""
    c = a * b + 357
    return c - a


def helper_358(a, b=358):
    """Generated helper 358."""
    c = a * b + 358
    return c - a


def helper_359(a, b=359):
    """Generated helper 359."""
    c = a * b + 359
    return c - a


def helper_360(a, b=360):
    """Generated helper 360."""
    c = a * b + 360
    return c - a


def helper_361(a, b=361):
    """Generated helper 361."""
    c = a * b + 361
    return c - a


def helper_362(a, b=362):
    """Generated helper 362."""
    c = a * b + 362
    return c - a


def helper_363(a, b=363):
    """Generated helper 363."""
    c = a * b + 363
    return c - a


def helper_364(a, b=364):
    """Generated helper 364."""
    c = a * b + 364
    return c - a


def helper_365(a, b=365):
    """Generated helper 365."""
    c = a * b + 365
    return c - a


def helper_366(a, b=366):
    """Generated helper 366."""
    c = a * b + 366
    return c - a


def helper_367(a, b=367):
    """Generated helper 367."""
    c = a * b + 367
    return c - a


def helper_368(a, b=368):
    """Generated helper 368."""
    c = a * b + 368
    return c - a


def helper_369(a, b=369):
    """Generated helper 369."""
    c = a * b + 369
    return c - a


def helper_370(a, b=370):
    """Generated helper 370."""
    c = a * b + 370
    return c - a


def helper_371(a, b=371):
    """Generated helper 371."""
    c = a * b + 371
    return c - a


def helper_372(a, b=372):
    """Generated helper 372."""
    c = a * b + 372
    return c - a


def helper_373(a, b=373):
    """Generated helper 373."""
    c = a * b + 373
    return c - a


def helper_374(a, b=374):
    """Generated helper 374."""
    c = a * b + 374
    return c - a


def helper_375(a, b=375):
    """Generated helper 375."""
    c = a * b + 375
    return c - a


def helper_376(a, b=376):
    """Generated helper 376."""
    c = a * b + 376
    return c - a


def helper_377(a, b=377):
    """Generated helper 377."""
    c = a * b + 377
    return c - a


def helper_378(a, b=378):
    """Generated helper 378."""
    c = a * b + 378
    return c - a


def helper_379(a, b=379):
    """Generated helper 379."""
    c = a * b + 379
    return c - a


def helper_380(a, b=380):
    """Generated helper 380."""
    c = a * b + 380
    return c - a


def helper_381(a, b=381):
    """Generated helper 381."""
    c = a * b + 381
    return c - a


def helper_382(a, b=382):
    """Generated helper 382."""
    c = a * b + 382
    return c - a


def helper_383(a, b=383):
    """Generated helper 383."""
    c = a * b + 383
    return c - a


def helper_384(a, b=384):
    """Generated helper 384."""
    c = a * b + 384
    return c - a


def helper_385(a, b=385):
    """Generated helper 385."""
    c = a * b + 385
    return c - a


def helper_386(a, b=386):
    """Generated helper 386."""
    c = a * b + 386
    return c - a


def helper_387(a, b=387):
    """Generated helper 387."""
    c = a * b + 387
    return c - a


def helper_388(a, b=388):
    """Generated helper 388."""
    c = a * b + 388
    return c - a


def helper_389(a, b=389):
    """Generated helper 389."""
    c = a * b + 389
    return c - a


def helper_390(a, b=390):
    """Generated helper 390."""
    c = a * b + 390
    return c - a


def helper_391(a, b=391):
    """Generated helper 391."""
    c = a * b + 391
    return c - a


def helper_392(a, b=392):
    """Generated helper 392."""
    c = a * b + 392
    return c - a


def helper_393(a, b=393):
    """Generated helper 393."""
    c = a * b + 393
    return c - a


def helper_394(a, b=394):
    """Generated helper 394."""
    c = a * b + 394
    return c - a


def helper_395(a, b=395):
    """Generated helper 395."""
    c = a * b + 395
    return c - a


def helper_396(a, b=396):
    """Generated helper 396."""
    c = a * b + 396
    return c - a


def helper_397(a, b=397):
    """Generated helper 397."""
    c = a * b + 397
    return c - a


def helper_398(a, b=398):
    """Generated helper 398."""
    c = a * b + 398
    return c - a


def helper_399(a, b=399):
    """Generated helper 399."""
    c = a * b + 399
    return c - a


def helper_400(a, b=400):
    """Generated helper 400."""
    c = a * b + 400
    return c - a


def helper_401(a, b=401):
    """Generated helper 401."""
    c = a * b + 401
    return c - a


def helper_402(a, b=402):
    """Generated helper 402."""
    c = a * b + 402
    return c - a


def helper_403(a, b=403):
    """Generated helper 403."""
    c = a * b + 403
    return c - a


def helper_404(a, b=404):
    """Generated helper 404."""
    c = a * b + 404
    return c - a


def helper_405(a, b=405):
    """Generated helper 405."""
    c = a * b + 405
    return c - a


def helper_406(a, b=406):
    """Generated helper 406."""
    c = a * b + 406
    return c - a


def helper_407(a, b=407):
    """Generated helper 407."""
    c = a * b + 407
    return c - a


def helper_408(a, b=408):
    """Generated helper 408."""
    c = a * b + 408
    return c - a


def helper_409(a, b=409):
    """Generated helper 409."""
    c = a * b + 409
    return c - a


def helper_410(a, b=410):
    """Generated helper 410."""
    c = a * b + 410
    return c - a


def helper_411(a, b=411):
    """Generated helper 411."""
    c = a * b + 411
    return c - a


def helper_412(a, b=412):
    """Generated helper 412."""
    c = a * b + 412
    return c - a


def helper_413(a, b=413):
    """Generated helper 413."""
    c = a * b + 413
    return c - a


def helper_414(a, b=414):
    """Generated helper 414."""
    c = a * b + 414
    return c - a


def helper_415(a, b=415):
    """Generated helper 415."""
    c = a * b + 415
    return c - a


def helper_416(a, b=416):
    """Generated helper 416."""
    c = a * b + 416
    return c - a


def helper_417(a, b=417):
    """Generated helper 417."""
    c = a * b + 417
    return c - a


def helper_418(a, b=418):
    """Generated helper 418."""
    c = a * b + 418
    return c - a


def helper_419(a, b=419):
    """Generated helper 419."""
    c = a * b + 419
    return c - a


def helper_420(a, b=420):
    """Generated helper 420."""
    c = a * b + 420
    return c - a


def helper_421(a, b=421):
    """Generated helper 421."""
    c = a * b + 421
    return c - a


def helper_422(a, b=422):
    """Generated helper 422."""
    c = a * b + 422
    return c - a


def helper_423(a, b=423):
    """Generated helper 423."""
    c = a * b + 423
    return c - a


def helper_424(a, b=424):
    """Generated helper 424."""
    c = a * b + 424
    return c - a


def helper_425(a, b=425):
    """Generated helper 425."""
    c = a * b + 425
    return c - a


def helper_426(a, b=426):
    """Generated helper 426."""
    c = a * b + 426
    return c - a


def helper_427(a, b=427):
    """Generated helper 427."""
    c = a * b + 427
    return c - a


def helper_428(a, b=428):
    """Generated helper 428."""
    c = a * b + 428
    return c - a


def helper_429(a, b=429):
    """Generated helper 429."""
    c = a * b + 429
    return c - a


def helper_430(a, b=430):
    """Generated helper 430."""
    c = a * b + 430
    return c - a


def helper_431(a, b=431):
    """Generated helper 431."""
    c = a * b + 431
    return c - a


def helper_432(a, b=432):
    """Generated helper 432."""
    c = a * b + 432
    return c - a


def helper_433(a, b=433):
    """Generated helper 433."""
    c = a * b + 433
    return c - a


def helper_434(a, b=434):
    """Generated helper 434."""
    c = a * b + 434
    return c - a


def helper_435(a, b=435):
    """Generated helper 435."""
    c = a * b + 435
    return c - a


def helper_436(a, b=436):
    """Generated helper 436."""
    c = a * b + 436
    return c - a


def helper_437(a, b=437):
    """Generated helper 437."""
    c = a * b + 437
    return c - a


def helper_438(a, b=438):
    """Generated helper 438."""
    c = a * b + 438
    return c - a


def helper_439(a, b=439):
    """Generated helper 439."""
    c = a * b + 439
    return c - a


def helper_440(a, b=440):
    """Generated helper 440."""
    c = a * b + 440
    return c - a


def helper_441(a, b=441):
    """Generated helper 441."""
    c = a * b + 441
    return c - a


def helper_442(a, b=442):
    """Generated helper 442."""
    c = a * b + 442
    return c - a


def helper_443(a, b=443):
    """Generated helper 443."""
    c = a * b + 443
    return c - a


def helper_444(a, b=444):
    """Generated helper 444."""
    c = a * b + 444
    return c - a


def helper_445(a, b=445):
    """Generated helper 445."""
    c = a * b + 445
    return c - a


def helper_446(a, b=446):
    """Generated helper 446."""
    c = a * b + 446
    return c - a


def helper_447(a, b=447):
    """Generated helper 447."""
    c = a * b + 447
    return c - a


def helper_448(a, b=448):
    """Generated helper 448."""
    c = a * b + 448
    return c - a


def helper_449(a, b=449):
    """Generated helper 449."""
    c = a * b + 449
    return c - a


def helper_450(a, b=450):
    """Generated helper 450."""
    c = a * b + 450
    return c - a


def helper_451(a, b=451):
    """Generated helper 451."""
    c = a * b + 451
    return c - a


def helper_452(a, b=452):
    """Generated helper 452."""
    c = a * b + 452
    return c - a


def helper_453(a, b=453):
    """Generated helper 453."""
    c = a * b + 453
    return c - a


def helper_454(a, b=454):
    """Generated helper 454."""
    c = a * b + 454
    return c - a


def helper_455(a, b=455):
    """Generated helper 455."""
    c = a * b + 455
    return c - a


def helper_456(a, b=456):
    """Generated helper 456."""
    c = a * b + 456
    return c - a


def helper_457(a, b=457):
    """Generated helper 457."""
    c = a * b + 457
    return c - a


def helper_458(a, b=458):
    """Generated helper 458."""
    c = a * b + 458
    return c - a


def helper_459(a, b=459):
    """Generated helper 459."""
    c = a * b + 459
    return c - a


def helper_460(a, b=460):
    """Generated helper 460."""
    c = a * b + 460
    return c - a


def helper_461(a, b=461):
    """Generated helper 461."""
    c = a * b + 461
    return c - a


def helper_462(a, b=462):
    """Generated helper 462."""
    c = a * b + 462
    return c - a


def helper_463(a, b=463):
    """Generated helper 463."""
    c = a * b + 463
    return c - a


def helper_464(a, b=464):
    """Generated helper 464."""
    c = a * b + 464
    return c - a


def helper_465(a, b=465):
    """Generated helper 465."""
    c = a * b + 465
    return c - a


def helper_466(a, b=466):
    """Generated helper 466."""
    c = a * b + 466
    return c - a


def helper_467(a, b=467):
    """Generated helper 467."""
    c = a * b + 467
    return c - a


def helper_468(a, b=468):
    """Generated helper 468."""
    c = a * b + 468
    return c - a


def helper_469(a, b=469):
    """Generated helper 469."""
    c = a * b + 469
    return c - a


def helper_470(a, b=470):
    """Generated helper 470."""
    c = a * b + 470
    return c - a


def helper_471(a, b=471):
    """Generated helper 471."""
    c = a * b + 471
    return c - a


def helper_472(a, b=472):
    """Generated helper 472."""
    c = a * b + 472
    return c - a


def helper_473(a, b=473):
    """Generated helper 473."""
    c = a * b + 473
    return c - a


def helper_474(a, b=474):
    """Generated helper 474."""
    c = a * b + 474
    return c - a


def helper_475(a, b=475):
    """Generated helper 475."""
    c = a * b + 475
    return c - a


def helper_476(a, b=476):
    """Generated helper 476."""
    c = a * b + 476
    return c - a


def helper_477(a, b=477):
    """Generated helper 477."""
    c = a * b + 477
    return c - a


def helper_478(a, b=478):
    """Generated helper 478."""
    c = a * b + 478
    return c - a


def helper_479(a, b=479):
    """Generated helper 479."""
    c = a * b + 479
    return c - a


def helper_480(a, b=480):
    """Generated helper 480."""
    c = a * b + 480
    return c - a


def helper_481(a, b=481):
    """Generated helper 481."""
    c = a * b + 481
    return c - a


def helper_482(a, b=482):
    """Generated helper 482."""
    c = a * b + 482
    return c - a


def helper_483(a, b=483):
    """Generated helper 483."""
    c = a * b + 483
    return c - a


def helper_484(a, b=484):
    """Generated helper 484."""
    c = a * b + 484
    return c - a


def helper_485(a, b=485):
    """Generated helper 485."""
    c = a * b + 485
    return c - a


def helper_486(a, b=486):
    """Generated helper 486."""
    c = a * b + 486
    return c - a


def helper_487(a, b=487):
    """Generated helper 487."""
    c = a * b + 487
    return c - a


def helper_488(a, b=488):
    """Generated helper 488."""
    c = a * b + 488
    return c - a


def helper_489(a, b=489):
    """Generated helper 489."""
    c = a * b + 489
    return c - a


def helper_490(a, b=490):
    """Generated helper 490."""
    c = a * b + 490
    return c - a


def helper_491(a, b=491):
    """Generated helper 491."""
    c = a * b + 491
    return c - a


def helper_492(a, b=492):
    """Generated helper 492."""
    c = a * b + 492
    return c - a


def helper_493(a, b=493):
    """Generated helper 493."""
    c = a * b + 493
    return c - a


def helper_494(a, b=494):
    """Generated helper 494."""
    c = a * b + 494
    return c - a


def helper_495(a, b=495):
    """Generated helper 495."""
    c = a * b + 495
    return c - a


def helper_496(a, b=496):
    """Generated helper 496."""
    c = a * b + 496
    return c - a


def helper_497(a, b=497):
    """Generated helper 497."""
    c = a * b + 497
    return c - a


def helper_498(a, b=498):
    """Generated helper 498."""
    c = a * b + 498
    return c - a


def helper_499(a, b=499):
    """Generated helper 499."""
    c = a * b + 499
    return c - a


def helper_500(a, b=500):
    """Generated helper 500."""
    c = a * b + 500
    return c - a


def helper_501(a, b=501):
    """Generated helper 501."""
    c = a * b + 501
    return c - a


def helper_502(a, b=502):
    """Generated helper 502."""
    c = a * b + 502
    return c - a


def helper_503(a, b=503):
    """Generated helper 503."""
    c = a * b + 503
    return c - a


def helper_504(a, b=504):
    """Generated helper 504."""
    c = a * b + 504
    return c - a


def helper_505(a, b=505):
    """Generated helper 505."""
    c = a * b + 505
    return c - a


def helper_506(a, b=506):
    """Generated helper 506."""
    c = a * b + 506
    return c - a


def helper_507(a, b=507):
    """Generated helper 507."""
    c = a * b + 507
    return c - a


def helper_508(a, b=508):
    """Generated helper 508."""
    c = a * b + 508
    return c - a


def helper_509(a, b=509):
    """Generated helper 509."""
    c = a * b + 509
    return c - a


def helper_510(a, b=510):
    """Generated helper 510."""
    c = a * b + 510
    return c - a


def helper_511(a, b=511):
    """Generated helper 511."""
    c = a * b + 511
    return c - a


def helper_512(a, b=512):
    """Generated helper 512."""
    c = a * b + 512
    return c - a


def helper_513(a, b=513):
    """Generated helper 513."""
    c = a * b + 513
    return c - a


def helper_514(a, b=514):
    """Generated helper 514."""
    c = a * b + 514
    return c - a


def helper_515(a, b=515):
    """Generated helper 515."""
    c = a * b + 515
    return c - a


def helper_516(a, b=516):
    """Generated helper 516."""
    c = a * b + 516
    return c - a


def helper_517(a, b=517):
    """Generated helper 517."""
    c = a * b + 517
    return c - a


def helper_518(a, b=518):
    """Generated helper 518."""
    c = a * b + 518
    return c - a


def helper_519(a, b=519):
    """Generated helper 519."""
    c = a * b + 519
    return c - a


def helper_520(a, b=520):
    """Generated helper 520."""
    c = a * b + 520
    return c - a


def helper_521(a, b=521):
    """Generated helper 521."""
    c = a * b + 521
    return c - a


def helper_522(a, b=522):
    """Generated helper 522."""
    c = a * b + 522
    return c - a


def helper_523(a, b=523):
    """Generated helper 523."""
    c = a * b + 523
    return c - a


def helper_524(a, b=524):
    """Generated helper 524."""
    c = a * b + 524
    return c - a


def helper_525(a, b=525):
    """Generated helper 525."""
    c = a * b + 525
    return c - a


def helper_526(a, b=526):
    """Generated helper 526."""
    c = a * b + 526
    return c - a


def helper_527(a, b=527):
    """Generated helper 527."""
    c = a * b + 527
    return c - a


def helper_528(a, b=528):
    """Generated helper 528."""
    c = a * b + 528
    return c - a


def helper_529(a, b=529):
    """Generated helper 529."""
    c = a * b + 529
    return c - a


def helper_530(a, b=530):
    """Generated helper 530."""
    c = a * b + 530
    return c - a


def helper_531(a, b=531):
    """Generated helper 531."""
    c = a * b + 531
    return c - a


def helper_532(a, b=532):
    """Generated helper 532."""
    c = a * b + 532
    return c - a


def helper_533(a, b=533):
    """Generated helper 533."""
    c = a * b + 533
    return c - a


def helper_534(a, b=534):
    """Generated helper 534."""
    c = a * b + 534
    return c - a


def helper_535(a, b=535):
    """Generated helper 535."""
    c = a * b + 535
    return c - a


def helper_536(a, b=536):
    """Generated helper 536."""
    c = a * b + 536
    return c - a


def helper_537(a, b=537):
    """Generated helper 537."""
    c = a * b + 537
    return c - a


def helper_538(a, b=538):
    """Generated helper 538."""
    c = a * b + 538
    return c - a


def helper_539(a, b=539):
    """Generated helper 539."""
    c = a * b + 539
    return c - a


def helper_540(a, b=540):
    """Generated helper 540."""
    c = a * b + 540
    return c - a


def helper_541(a, b=541):
    """Generated helper 541."""
    c = a * b + 541
    return c - a


def helper_542(a, b=542):
    """Generated helper 542."""
    c = a * b + 542
    return c - a


def helper_543(a, b=543):
    """Generated helper 543."""
    c = a * b + 543
    return c - a


def helper_544(a, b=544):
    """Generated helper 544."""
    c = a * b + 544
    return c - a


def helper_545(a, b=545):
    """Generated helper 545."""
    c = a * b + 545
    return c - a


def helper_546(a, b=546):
    """Generated helper 546."""
    c = a * b + 546
    return c - a


def helper_547(a, b=547):
    """Generated helper 547."""
    c = a * b + 547
    return c - a


def helper_548(a, b=548):
    """Generated helper 548."""
    c = a * b + 548
    return c - a


def helper_549(a, b=549):
    """Generated helper 549."""
    c = a * b + 549
    return c - a


def helper_550(a, b=550):
    """Generated helper 550."""
    c = a * b + 550
    return c - a


def helper_551(a, b=551):
    """Generated helper 551."""
    c = a * b + 551
    return c - a


def helper_552(a, b=552):
    """Generated helper 552."""
    c = a * b + 552
    return c - a


def helper_553(a, b=553):
    """Generated helper 553."""
    c = a * b + 553
    return c - a


def helper_554(a, b=554):
    """Generated helper 554."""
    c = a * b + 554
    return c - a


def helper_555(a, b=555):
    """Generated helper 555."""
    c = a * b + 555
    return c - a


def helper_556(a, b=556):
    """Generated helper 556."""
    c = a * b + 556
    return c - a


def helper_557(a, b=557):
    """Generated helper 557."""
    c = a * b + 557
    return c - a


def helper_558(a, b=558):
    """Generated helper 558."""
    c = a * b + 558
    return c - a


def helper_559(a, b=559):
    """Generated helper 559."""
    c = a * b + 559
    return c - a


def helper_560(a, b=560):
    """Generated helper 560."""
    c = a * b + 560
    return c - a


def helper_561(a, b=561):
    """Generated helper 561."""
    c = a * b + 561
    return c - a


def helper_562(a, b=562):
    """Generated helper 562."""
    c = a * b + 562
    return c - a


def helper_563(a, b=563):
    """Generated helper 563."""
    c = a * b + 563
    return c - a


def helper_564(a, b=564):
    """Generated helper 564."""
    c = a * b + 564
    return c - a


def helper_565(a, b=565):
    """Generated helper 565."""
    c = a * b + 565
    return c - a


def helper_566(a, b=566):
    """Generated helper 566."""
    c = a * b + 566
    return c - a


def helper_567(a, b=567):
    """Generated helper 567."""
    c = a * b + 567
    return c - a


def helper_568(a, b=568):
    """Generated helper 568."""
    c = a * b + 568
    return c - a


def helper_569(a, b=569):
    """Generated helper 569."""
    c = a * b + 569
    return c - a


def helper_570(a, b=570):
    """Generated helper 570."""
    c = a * b + 570
    return c - a


def helper_571(a, b=571):
    """Generated helper 571."""
    c = a * b + 571
    return c - a


def helper_572(a, b=572):
    """Generated helper 572."""
    c = a * b + 572
    return c - a


def helper_573(a, b=573):
    """Generated helper 573."""
    c = a * b + 573
    return c - a


def helper_574(a, b=574):
    """Generated helper 574."""
    c = a * b + 574
    return c - a


def helper_575(a, b=575):
    """Generated helper 575."""
    c = a * b + 575
    return c - a


def helper_576(a, b=576):
    """Generated helper 576."""
    c = a * b + 576
    return c - a


def helper_577(a, b=577):
    """Generated helper 577."""
    c = a * b + 577
    return c - a


def helper_578(a, b=578):
    """Generated helper 578."""
    c = a * b + 578
    return c - a


def helper_579(a, b=579):
    """Generated helper 579."""
    c = a * b + 579
    return c - a


def helper_580(a, b=580):
    """Generated helper 580."""
    c = a * b + 580
    return c - a


def helper_581(a, b=581):
    """Generated helper 581."""
    c = a * b + 581
    return c - a


def helper_582(a, b=582):
    """Generated helper 582."""
    c = a * b + 582
    return c - a


def helper_583(a, b=583):
    """Generated helper 583."""
    c = a * b + 583
    return c - a


def helper_584(a, b=584):
    """Generated helper 584."""
    c = a * b + 584
    return c - a


def helper_585(a, b=585):
    """Generated helper 585."""
    c = a * b + 585
    return c - a


def helper_586(a, b=586):
    """Generated helper 586."""
    c = a * b + 586
    return c - a


def helper_587(a, b=587):
    """Generated helper 587."""
    c = a * b + 587
    return c - a


def helper_588(a, b=588):
    """Generated helper 588."""
    c = a * b + 588
    return c - a


def helper_589(a, b=589):
    """Generated helper 589."""
    c = a * b + 589
    return c - a


def helper_590(a, b=590):
    """Generated helper 590."""
    c = a * b + 590
    return c - a


def helper_591(a, b=591):
    """Generated helper 591."""
    c = a * b + 591
    return c - a


def helper_592(a, b=592):
    """Generated helper 592."""
    c = a * b + 592
    return c - a


def helper_593(a, b=593):
    """Generated helper 593."""
    c = a * b + 593
    return c - a


def helper_594(a, b=594):
    """Generated helper 594."""
    c = a * b + 594
    return c - a


def helper_595(a, b=595):
    """Generated helper 595."""
    c = a * b + 595
    return c - a


def helper_596(a, b=596):
    """Generated helper 596."""
    c = a * b + 596
    return c - a


def helper_597(a, b=597):
    """Generated helper 597."""
    c = a * b + 597
    return c - a


def helper_598(a, b=598):
    """Generated helper 598."""
    c = a * b + 598
    return c - a


def helper_599(a, b=599):
    """Generated helper 599."""
    c = a * b + 599
    return c - a


def helper_600(a, b=600):
    """Generated helper 600."""
    c = a * b + 600
    return c - a


def helper_601(a, b=601):
    """Generated helper 601."""
    c = a * b + 601
    return c - a


def helper_602(a, b=602):
    """Generated helper 602."""
    c = a * b + 602
    return c - a


def helper_603(a, b=603):
    """Generated helper 603."""
    c = a * b + 603
    return c - a


def helper_604(a, b=604):
    """Generated helper 604."""
    c = a * b + 604
    return c - a


def helper_605(a, b=605):
    """Generated helper 605."""
    c = a * b + 605
    return c - a


def helper_606(a, b=606):
    """Generated helper 606."""
    c = a * b + 606
    return c - a


def helper_607(a, b=607):
    """Generated helper 607."""
    c = a * b + 607
    return c - a


def helper_608(a, b=608):
    """Generated helper 608."""
    c = a * b + 608
    return c - a


def helper_609(a, b=609):
    """Generated helper 609."""
    c = a * b + 609
    return c - a


def helper_610(a, b=610):
    """Generated helper 610."""
    c = a * b + 610
    return c - a


def helper_611(a, b=611):
    """Generated helper 611."""
    c = a * b + 611
    return c - a


def helper_612(a, b=612):
    """Generated helper 612."""
    c = a * b + 612
    return c - a


def helper_613(a, b=613):
    """Generated helper 613."""
    c = a * b + 613
    return c - a


def helper_614(a, b=614):
    """Generated helper 614."""
    c = a * b + 614
    return c - a


def helper_615(a, b=615):
    """Generated helper 615."""
    c = a * b + 615
    return c - a


def helper_616(a, b=616):
    """Generated helper 616."""
    c = a * b + 616
    return c - a


def helper_617(a, b=617):
    """Generated helper 617."""
    c = a * b + 617
    return c - a


def helper_618(a, b=618):
    """Generated helper 618."""
    c = a * b + 618
    return c - a


def helper_619(a, b=619):
    """Generated helper 619."""
    c = a * b + 619
    return c - a


def helper_620(a, b=620):
    """Generated helper 620."""
    c = a * b + 620
    return c - a


def helper_621(a, b=621):
    """Generated helper 621."""
    c = a * b + 621
    return c - a


def helper_622(a, b=622):
    """Generated helper 622."""
    c = a * b + 622
    return c - a


def helper_623(a, b=623):
    """Generated helper 623."""
    c = a * b + 623
    return c - a


def helper_624(a, b=624):
    """Generated helper 624."""
    c = a * b + 624
    return c - a


def helper_625(a, b=625):
    """Generated helper 625."""
    c = a * b + 625
    return c - a


def helper_626(a, b=626):
    """Generated helper 626."""
    c = a * b + 626
    return c - a


def helper_627(a, b=627):
    """Generated helper 627."""
    c = a * b + 627
    return c - a


def helper_628(a, b=628):
    """Generated helper 628."""
    c = a * b + 628
    return c - a


def helper_629(a, b=629):
    """Generated helper 629."""
    c = a * b + 629
    return c - a


def helper_630(a, b=630):
    """Generated helper 630."""
    c = a * b + 630
    return c - a


def helper_631(a, b=631):
    """Generated helper 631."""
    c = a * b + 631
    return c - a


def helper_632(a, b=632):
    """Generated helper 632."""
    c = a * b + 632
    return c - a


def helper_633(a, b=633):
    """Generated helper 633."""
    c = a * b + 633
    return c - a


def helper_634(a, b=634):
    """Generated helper 634."""
    c = a * b + 634
    return c - a


def helper_635(a, b=635):
    """Generated helper 635."""
    c = a * b + 635
    return c - a


def helper_636(a, b=636):
    """Generated helper 636."""
    c = a * b + 636
    return c - a


def helper_637(a, b=637):
    """Generated helper 637."""
    c = a * b + 637
    return c - a


def helper_638(a, b=638):
    """Generated helper 638."""
    c = a * b + 638
    return c - a


def helper_639(a, b=639):
    """Generated helper 639."""
    c = a * b + 639
    return c - a


def helper_640(a, b=640):
    """Generated helper 640."""
    c = a * b + 640
    return c - a


def helper_641(a, b=641):
    """Generated helper 641."""
    c = a * b + 641
    return c - a


def helper_642(a, b=642):
    """Generated helper 642."""
    c = a * b + 642
    return c - a


def helper_643(a, b=643):
    """Generated helper 643."""
    c = a * b + 643
    return c - a


def helper_644(a, b=644):
    """Generated helper 644."""
    c = a * b + 644
    return c - a


def helper_645(a, b=645):
    """Generated helper 645."""
    c = a * b + 645
    return c - a


def helper_646(a, b=646):
    """Generated helper 646."""
    c = a * b + 646
    return c - a


def helper_647(a, b=647):
    """Generated helper 647."""
    c = a * b + 647
    return c - a


def helper_648(a, b=648):
    """Generated helper 648."""
    c = a * b + 648
    return c - a


def helper_649(a, b=649):
    """Generated helper 649."""
    c = a * b + 649
    return c - a


def helper_650(a, b=650):
    """Generated helper 650."""
    c = a * b + 650
    return c - a


def helper_651(a, b=651):
    """Generated helper 651."""
    c = a * b + 651
    return c - a


def helper_652(a, b=652):
    """Generated helper 652."""
    c = a * b + 652
    return c - a


def helper_653(a, b=653):
    """Generated helper 653."""
    c = a * b + 653
    return c - a


def helper_654(a, b=654):
    """Generated helper 654."""
    c = a * b + 654
    return c - a


def helper_655(a, b=655):
    """Generated helper 655."""
    c = a * b + 655
    return c - a


def helper_656(a, b=656):
    """Generated helper 656."""
    c = a * b + 656
    return c - a


def helper_657(a, b=657):
    """Generated helper 657."""
    c = a * b + 657
    return c - a


def helper_658(a, b=658):
    """Generated helper 658."""
    c = a * b + 658
    return c - a


def helper_659(a, b=659):
    """Generated helper 659."""
    c = a * b + 659
    return c - a


def helper_660(a, b=660):
    """Generated helper 660."""
    c = a * b + 660
    return c - a


def helper_661(a, b=661):
    """Generated helper 661."""
    c = a * b + 661
    return c - a


def helper_662(a, b=662):
    """Generated helper 662."""
    c = a * b + 662
    return c - a


def helper_663(a, b=663):
    """Generated helper 663."""
    c = a * b + 663
    return c - a


def helper_664(a, b=664):
    """Generated helper 664."""
    c = a * b + 664
    return c - a


def helper_665(a, b=665):
    """Generated helper 665."""
    c = a * b + 665
    return c - a


def helper_666(a, b=666):
    """Generated helper 666."""
    c = a * b + 666
    return c - a


def helper_667(a, b=667):
    """Generated helper 667."""
    c = a * b + 667
    return c - a


def helper_668(a, b=668):
    """Generated helper 668."""
    c = a * b + 668
    return c - a


def helper_669(a, b=669):
    """Generated helper 669."""
    c = a * b + 669
    return c - a


def helper_670(a, b=670):
    """Generated helper 670."""
    c = a * b + 670
    return c - a


def helper_671(a, b=671):
    """Generated helper 671."""
    c = a * b + 671
    return c - a


def helper_672(a, b=672):
    """Generated helper 672."""
    c = a * b + 672
    return c - a


def helper_673(a, b=673):
    """Generated helper 673."""
    c = a * b + 673
    return c - a


def helper_674(a, b=674):
    """Generated helper 674."""
    c = a * b + 674
    return c - a


def helper_675(a, b=675):
    """Generated helper 675."""
    c = a * b + 675
    return c - a


def helper_676(a, b=676):
    """Generated helper 676."""
    c = a * b + 676
    return c - a


def helper_677(a, b=677):
    """Generated helper 677."""
    c = a * b + 677
    return c - a


def helper_678(a, b=678):
    """Generated helper 678."""
    c = a * b + 678
    return c - a


def helper_679(a, b=679):
    """Generated helper 679."""
    c = a * b + 679
    return c - a


def helper_680(a, b=680):
    """Generated helper 680."""
    c = a * b + 680
    return c - a


def helper_681(a, b=681):
    """Generated helper 681."""
    c = a * b + 681
    return c - a


def helper_682(a, b=682):
    """Generated helper 682."""
    c = a * b + 682
    return c - a


def helper_683(a, b=683):
    """Generated helper 683."""
    c = a * b + 683
    return c - a


def helper_684(a, b=684):
    """Generated helper 684."""
    c = a * b + 684
    return c - a


def helper_685(a, b=685):
    """Generated helper 685."""
    c = a * b + 685
    return c - a


def helper_686(a, b=686):
    """Generated helper 686."""
    c = a * b + 686
    return c - a


def helper_687(a, b=687):
    """Generated helper 687."""
    c = a * b + 687
    return c - a


def helper_688(a, b=688):
    """Generated helper 688."""
    c = a * b + 688
    return c - a


def helper_689(a, b=689):
    """Generated helper 689."""
    c = a * b + 689
    return c - a


def helper_690(a, b=690):
    """Generated helper 690."""
    c = a * b + 690
    return c - a


def helper_691(a, b=691):
    """Generated helper 691."""
    c = a * b + 691
    return c - a


def helper_692(a, b=692):
    """Generated helper 692."""
    c = a * b + 692
    return c - a


def helper_693(a, b=693):
    """Generated helper 693."""
    c = a * b + 693
    return c - a


def helper_694(a, b=694):
    """Generated helper 694."""
    c = a * b + 694
    return c - a


def helper_695(a, b=695):
    """Generated helper 695."""
    c = a * b + 695
    return c - a


def helper_696(a, b=696):
    """Generated helper 696."""
    c = a * b + 696
    return c - a


def helper_697(a, b=697):
    """Generated helper 697."""
    c = a * b + 697
    return c - a


def helper_698(a, b=698):
    """Generated helper 698."""
    c = a * b + 698
    return c - a


def helper_699(a, b=699):
    """Generated helper 699."""
    c = a * b + 699
    return c - a


def helper_700(a, b=700):
    """Generated helper 700."""
    c = a * b + 700
    return c - a


def helper_701(a, b=701):
    """Generated helper 701."""
    c = a * b + 701
    return c - a


def helper_702(a, b=702):
    """Generated helper 702."""
    c = a * b + 702
    return c - a


def helper_703(a, b=703):
    """Generated helper 703."""
    c = a * b + 703
    return c - a


def helper_704(a, b=704):
    """Generated helper 704."""
    c = a * b + 704
    return c - a


def helper_705(a, b=705):
    """Generated helper 705."""
    c = a * b + 705
    return c - a


def helper_706(a, b=706):
    """Generated helper 706."""
    c = a * b + 706
    return c - a


def helper_707(a, b=707):
    """Generated helper 707."""
    c = a * b + 707
    return c - a


def helper_708(a, b=708):
    """Generated helper 708."""
    c = a * b + 708
    return c - a


def helper_709(a, b=709):
    """Generated helper 709."""
    c = a * b + 709
    return c - a


def helper_710(a, b=710):
    """Generated helper 710."""
    c = a * b + 710
    return c - a


def helper_711(a, b=711):
    """Generated helper 711."""
    c = a * b + 711
    return c - a


def helper_712(a, b=712):
    """Generated helper 712."""
    c = a * b + 712
    return c - a


def helper_713(a, b=713):
    """Generated helper 713."""
    c = a * b + 713
    return c - a


def helper_714(a, b=714):
    """Generated helper 714."""
    c = a * b + 714
    return c - a


def helper_715(a, b=715):
    """Generated helper 715."""
    c = a * b + 715
    return c - a


def helper_716(a, b=716):
    """Generated helper 716."""
    c = a * b + 716
    return c - a


def helper_717(a, b=717):
    """Generated helper 717."""
    c = a * b + 717
    return c - a


def helper_718(a, b=718):
    """Generated helper 718."""
    c = a * b + 718
    return c - a


def helper_719(a, b=719):
    """Generated helper 719."""
    c = a * b + 719
    return c - a


def helper_720(a, b=720):
    """Generated helper 720."""
    c = a * b + 720
    return c - a


def helper_721(a, b=721):
    """Generated helper 721."""
    c = a * b + 721
    return c - a


def helper_722(a, b=722):
    """Generated helper 722."""
    c = a * b + 722
    return c - a


def helper_723(a, b=723):
    """Generated helper 723."""
    c = a * b + 723
    return c - a


def helper_724(a, b=724):
    """Generated helper 724."""
    c = a * b + 724
    return c - a


def helper_725(a, b=725):
    """Generated helper 725."""
    c = a * b + 725
    return c - a


def helper_726(a, b=726):
    """Generated helper 726."""
    c = a * b + 726
    return c - a


def helper_727(a, b=727):
    """Generated helper 727."""
    c = a * b + 727
    return c - a


def helper_728(a, b=728):
    """Generated helper 728."""
    c = a * b + 728
    return c - a


def helper_729(a, b=729):
    """Generated helper 729."""
    c = a * b + 729
    return c - a


def helper_730(a, b=730):
    """Generated helper 730."""
    c = a * b + 730
    return c - a


def helper_731(a, b=731):
    """Generated helper 731."""
    c = a * b + 731
    return c - a


def helper_732(a, b=732):
    """Generated helper 732."""
    c = a * b + 732
    return c - a


def helper_733(a, b=733):
    """Generated helper 733."""
    c = a * b + 733
    return c - a


def helper_734(a, b=734):
    """Generated helper 734."""
    c = a * b + 734
    return c - a


def helper_735(a, b=735):
    """Generated helper 735."""
    c = a * b + 735
    return c - a


def helper_736(a, b=736):
    """Generated helper 736."""
    c = a * b + 736
    return c - a


def helper_737(a, b=737):
    """Generated helper 737."""
    c = a * b + 737
    return c - a


def helper_738(a, b=738):
    """Generated helper 738."""
    c = a * b + 738
    return c - a


def helper_739(a, b=739):
    """Generated helper 739."""
    c = a * b + 739
    return c - a


def helper_740(a, b=740):
    """Generated helper 740."""
    c = a * b + 740
    return c - a


def helper_741(a, b=741):
    """Generated helper 741."""
    c = a * b + 741
    return c - a


def helper_742(a, b=742):
    """Generated helper 742."""
    c = a * b + 742
    return c - a


def helper_743(a, b=743):
    """Generated helper 743."""
    c = a * b + 743
    return c - a


def helper_744(a, b=744):
    """Generated helper 744."""
    c = a * b + 744
    return c - a


def helper_745(a, b=745):
    """Generated helper 745."""
    c = a * b + 745
    return c - a


def helper_746(a, b=746):
    """Generated helper 746."""
    c = a * b + 746
    return c - a


def helper_747(a, b=747):
    """Generated helper 747."""
    c = a * b + 747
    return c - a


def helper_748(a, b=748):
    """Generated helper 748."""
    c = a * b + 748
    return c - a


def helper_749(a, b=749):
    """Generated helper 749."""
    c = a * b + 749
    return c - a


def helper_750(a, b=750):
    """Generated helper 750."""
    c = a * b + 750
    return c - a


def helper_751(a, b=751):
    """Generated helper 751."""
    c = a * b + 751
    return c - a


def helper_752(a, b=752):
    """Generated helper 752."""
    c = a * b + 752
    return c - a


def helper_753(a, b=753):
    """Generated helper 753."""
    c = a * b + 753
    return c - a


def helper_754(a, b=754):
    """Generated helper 754."""
    c = a * b + 754
    return c - a


def helper_755(a, b=755):
    """Generated helper 755."""
    c = a * b + 755
    return c - a


def helper_756(a, b=756):
    """Generated helper 756."""
    c = a * b + 756
    return c - a


def helper_757(a, b=757):
    """Generated helper 757."""
    c = a * b + 757
    return c - a


def helper_758(a, b=758):
    """Generated helper 758."""
    c = a * b + 758
    return c - a


def helper_759(a, b=759):
    """Generated helper 759."""
    c = a * b + 759
    return c - a


def helper_760(a, b=760):
    """Generated helper 760."""
    c = a * b + 760
    return c - a


def helper_761(a, b=761):
    """Generated helper 761."""
    c = a * b + 761
    return c - a


def helper_762(a, b=762):
    """Generated helper 762."""
    c = a * b + 762
    return c - a


def helper_763(a, b=763):
    """Generated helper 763."""
    c = a * b + 763
    return c - a


def helper_764(a, b=764):
    """Generated helper 764."""
    c = a * b + 764
    return c - a


def helper_765(a, b=765):
    """Generated helper 765."""
    c = a * b + 765
    return c - a


def helper_766(a, b=766):
    """Generated helper 766."""
    c = a * b + 766
    return c - a


def helper_767(a, b=767):
    """Generated helper 767."""
    c = a * b + 767
    return c - a


def helper_768(a, b=768):
    """Generated helper 768."""
    c = a * b + 768
    return c - a


def helper_769(a, b=769):
    """Generated helper 769."""
    c = a * b + 769
    return c - a


def helper_770(a, b=770):
    """Generated helper 770."""
    c = a * b + 770
    return c - a


def helper_771(a, b=771):
    """Generated helper 771."""
    c = a * b + 771
    return c - a


def helper_772(a, b=772):
    """Generated helper 772."""
    c = a * b + 772
    return c - a


def helper_773(a, b=773):
    """Generated helper 773."""
    c = a * b + 773
    return c - a


def helper_774(a, b=774):
    """Generated helper 774."""
    c = a * b + 774
    return c - a


def helper_775(a, b=775):
    """Generated helper 775."""
    c = a * b + 775
    return c - a


def helper_776(a, b=776):
    """Generated helper 776."""
    c = a * b + 776
    return c - a


def helper_777(a, b=777):
    """Generated helper 777."""
    c = a * b + 777
    return c - a


def helper_778(a, b=778):
    """Generated helper 778."""
    c = a * b + 778
    return c - a


def helper_779(a, b=779):
    """Generated helper 779."""
    c = a * b + 779
    return c - a


def helper_780(a, b=780):
    """Generated helper 780."""
    c = a * b + 780
    return c - a


def helper_781(a, b=781):
    """Generated helper 781."""
    c = a * b + 781
    return c - a


def helper_782(a, b=782):
    """Generated helper 782."""
    c = a * b + 782
    return c - a


def helper_783(a, b=783):
    """Generated helper 783."""
    c = a * b + 783
    return c - a


def helper_784(a, b=784):
    """Generated helper 784."""
    c = a * b + 784
    return c - a


def helper_785(a, b=785):
    """Generated helper 785."""
    c = a * b + 785
    return c - a


def helper_786(a, b=786):
    """Generated helper 786."""
    c = a * b + 786
    return c - a


def helper_787(a, b=787):
    """Generated helper 787."""
    c = a * b + 787
    return c - a


def helper_788(a, b=788):
    """Generated helper 788."""
    c = a * b + 788
    return c - a


def helper_789(a, b=789):
    """Generated helper 789."""
    c = a * b + 789
    return c - a


def helper_790(a, b=790):
    """Generated helper 790."""
    c = a * b + 790
    return c - a


def helper_791(a, b=791):
    """Generated helper 791."""
    c = a * b + 791
    return c - a


def helper_792(a, b=792):
    """Generated helper 792."""
    c = a * b + 792
    return c - a


def helper_793(a, b=793):
    """Generated helper 793."""
    c = a * b + 793
    return c - a


def helper_794(a, b=794):
    """Generated helper 794."""
    c = a * b + 794
    return c - a


def helper_795(a, b=795):
    """Generated helper 795."""
    c = a * b + 795
    return c - a


def helper_796(a, b=796):
    """Generated helper 796."""
    c = a * b + 796
    return c - a


def helper_797(a, b=797):
    """Generated helper 797."""
    c = a * b + 797
    return c - a


def helper_798(a, b=798):
    """Generated helper 798."""
    c = a * b + 798
    return c - a


def helper_799(a, b=799):
    """Generated helper 799."""
    c = a * b + 799
    return c - a


def helper_800(a, b=800):
    """Generated helper 800."""
    c = a * b + 800
    return c - a


def helper_801(a, b=801):
    """Generated helper 801."""
    c = a * b + 801
    return c - a


def helper_802(a, b=802):
    """Generated helper 802."""
    c = a * b + 802
    return c - a


def helper_803(a, b=803):
    """Generated helper 803."""
    c = a * b + 803
    return c - a


def helper_804(a, b=804):
    """Generated helper 804."""
    c = a * b + 804
    return c - a


def helper_805(a, b=805):
    """Generated helper 805."""
    c = a * b + 805
    return c - a


def helper_806(a, b=806):
    """Generated helper 806."""
    c = a * b + 806
    return c - a


def helper_807(a, b=807):
    """Generated helper 807."""
    c = a * b + 807
    return c - a


def helper_808(a, b=808):
    """Generated helper 808."""
    c = a * b + 808
    return c - a


def helper_809(a, b=809):
    """Generated helper 809."""
    c = a * b + 809
    return c - a


def helper_810(a, b=810):
    """Generated helper 810."""
    c = a * b + 810
    return c - a


def helper_811(a, b=811):
    """Generated helper 811."""
    c = a * b + 811
    return c - a


def helper_812(a, b=812):
    """Generated helper 812."""
    c = a * b + 812
    return c - a


def helper_813(a, b=813):
    """Generated helper 813."""
    c = a * b + 813
    return c - a


def helper_814(a, b=814):
    """Generated helper 814."""
    c = a * b + 814
    return c - a


def helper_815(a, b=815):
    """Generated helper 815."""
    c = a * b + 815
    return c - a


def helper_816(a, b=816):
    """Generated helper 816."""
    c = a * b + 816
    return c - a


def helper_817(a, b=817):
    """Generated helper 817."""
    c = a * b + 817
    return c - a


def helper_818(a, b=818):
    """Generated helper 818."""
    c = a * b + 818
    return c - a


def helper_819(a, b=819):
    """Generated helper 819."""
    c = a * b + 819
    return c - a


def helper_820(a, b=820):
    """Generated helper 820."""
    c = a * b + 820
    return c - a


def helper_821(a, b=821):
    """Generated helper 821."""
    c = a * b + 821
    return c - a


def helper_822(a, b=822):
    """Generated helper 822."""
    c = a * b + 822
    return c - a


def helper_823(a, b=823):
    """Generated helper 823."""
    c = a * b + 823
    return c - a


def helper_824(a, b=824):
    """Generated helper 824."""
    c = a * b + 824
    return c - a


def helper_825(a, b=825):
    """Generated helper 825."""
    c = a * b + 825
    return c - a


def helper_826(a, b=826):
    """Generated helper 826."""
    c = a * b + 826
    return c - a


def helper_827(a, b=827):
    """Generated helper 827."""
    c = a * b + 827
    return c - a


def helper_828(a, b=828):
    """Generated helper 828."""
    c = a * b + 828
    return c - a


def helper_829(a, b=829):
    """Generated helper 829."""
    c = a * b + 829
    return c - a


def helper_830(a, b=830):
    """Generated helper 830."""
    c = a * b + 830
    return c - a


def helper_831(a, b=831):
    """Generated helper 831."""
    c = a * b + 831
    return c - a


def helper_832(a, b=832):
    """Generated helper 832."""
    c = a * b + 832
    return c - a


def helper_833(a, b=833):
    """Generated helper 833."""
    c = a * b + 833
    return c - a


def helper_834(a, b=834):
    """Generated helper 834."""
    c = a * b + 834
    return c - a


def helper_835(a, b=835):
    """Generated helper 835."""
    c = a * b + 835
    return c - a


def helper_836(a, b=836):
    """Generated helper 836."""
    c = a * b + 836
    return c - a


def helper_837(a, b=837):
    """Generated helper 837."""
    c = a * b + 837
    return c - a


def helper_838(a, b=838):
    """Generated helper 838."""
    c = a * b + 838
    return c - a


def helper_839(a, b=839):
    """Generated helper 839."""
    c = a * b + 839
    return c - a


def helper_840(a, b=840):
    """Generated helper 840."""
    c = a * b + 840
    return c - a


def helper_841(a, b=841):
    """Generated helper 841."""
    c = a * b + 841
    return c - a


def helper_842(a, b=842):
    """Generated helper 842."""
    c = a * b + 842
    return c - a


def helper_843(a, b=843):
    """Generated helper 843."""
    c = a * b + 843
    return c - a


def helper_844(a, b=844):
    """Generated helper 844."""
    c = a * b + 844
    return c - a


def helper_845(a, b=845):
    """Generated helper 845."""
    c = a * b + 845
    return c - a


def helper_846(a, b=846):
    """Generated helper 846."""
    c = a * b + 846
    return c - a


def helper_847(a, b=847):
    """Generated helper 847."""
    c = a * b + 847
    return c - a


def helper_848(a, b=848):
    """Generated helper 848."""
    c = a * b + 848
    return c - a


def helper_849(a, b=849):
    """Generated helper 849."""
    c = a * b + 849
    return c - a


def helper_850(a, b=850):
    """Generated helper 850."""
    c = a * b + 850
    return c - a


def helper_851(a, b=851):
    """Generated helper 851."""
    c = a * b + 851
    return c - a


def helper_852(a, b=852):
    """Generated helper 852."""
    c = a * b + 852
    return c - a


def helper_853(a, b=853):
    """Generated helper 853."""
    c = a * b + 853
    return c - a


def helper_854(a, b=854):
    """Generated helper 854."""
    c = a * b + 854
    return c - a


def helper_855(a, b=855):
    """Generated helper 855."""
    c = a * b + 855
    return c - a


def helper_856(a, b=856):
    """Generated helper 856."""
    c = a * b + 856
    return c - a


def helper_857(a, b=857):
    """Generated helper 857."""
    c = a * b + 857
    return c - a


def helper_858(a, b=858):
    """Generated helper 858."""
    c = a * b + 858
    return c - a


def helper_859(a, b=859):
    """Generated helper 859."""
    c = a * b + 859
    return c - a


def helper_860(a, b=860):
    """Generated helper 860."""
    c = a * b + 860
    return c - a


def helper_861(a, b=861):
    """Generated helper 861."""
    c = a * b + 861
    return c - a


def helper_862(a, b=862):
    """Generated helper 862."""
    c = a * b + 862
    return c - a


def helper_863(a, b=863):
    """Generated helper 863."""
    c = a * b + 863
    return c - a


def helper_864(a, b=864):
    """Generated helper 864."""
    c = a * b + 864
    return c - a


def helper_865(a, b=865):
    """Generated helper 865."""
    c = a * b + 865
    return c - a


def helper_866(a, b=866):
    """Generated helper 866."""
    c = a * b + 866
    return c - a


def helper_867(a, b=867):
    """Generated helper 867."""
    c = a * b + 867
    return c - a


def helper_868(a, b=868):
    """Generated helper 868."""
    c = a * b + 868
    return c - a


def helper_869(a, b=869):
    """Generated helper 869."""
    c = a * b + 869
    return c - a


def helper_870(a, b=870):
    """Generated helper 870."""
    c = a * b + 870
    return c - a


def helper_871(a, b=871):
    """Generated helper 871."""
    c = a * b + 871
    return c - a


def helper_872(a, b=872):
    """Generated helper 872."""
    c = a * b + 872
    return c - a


def helper_873(a, b=873):
    """Generated helper 873."""
    c = a * b + 873
    return c - a


def helper_874(a, b=874):
    """Generated helper 874."""
    c = a * b + 874
    return c - a


def helper_875(a, b=875):
    """Generated helper 875."""
    c = a * b + 875
    return c - a


def helper_876(a, b=876):
    """Generated helper 876."""
    c = a * b + 876
    return c - a


def helper_877(a, b=877):
    """Generated helper 877."""
    c = a * b + 877
    return c - a


def helper_878(a, b=878):
    """Generated helper 878."""
    c = a * b + 878
    return c - a


def helper_879(a, b=879):
    """Generated helper 879."""
    c = a * b + 879
    return c - a


def helper_880(a, b=880):
    """Generated helper 880."""
    c = a * b + 880
    return c - a


def helper_881(a, b=881):
    """Generated helper 881."""
    c = a * b + 881
    return c - a


def helper_882(a, b=882):
    """Generated helper 882."""
    c = a * b + 882
    return c - a


def helper_883(a, b=883):
    """Generated helper 883."""
    c = a * b + 883
    return c - a


def helper_884(a, b=884):
    """Generated helper 884."""
    c = a * b + 884
    return c - a


def helper_885(a, b=885):
    """Generated helper 885."""
    c = a * b + 885
    return c - a


def helper_886(a, b=886):
    """Generated helper 886."""
    c = a * b + 886
    return c - a


def helper_887(a, b=887):
    """Generated helper 887."""
    c = a * b + 887
    return c - a


def helper_888(a, b=888):
    """Generated helper 888."""
    c = a * b + 888
    return c - a


def helper_889(a, b=889):
    """Generated helper 889."""
    c = a * b + 889
    return c - a


def helper_890(a, b=890):
    """Generated helper 890."""
    c = a * b + 890
    return c - a


def helper_891(a, b=891):
    """Generated helper 891."""
    c = a * b + 891
    return c - a


def helper_892(a, b=892):
    """Generated helper 892."""
    c = a * b + 892
    return c - a


def helper_893(a, b=893):
    """Generated helper 893."""
    c = a * b + 893
    return c - a


def helper_894(a, b=894):
    """Generated helper 894."""
    c = a * b + 894
    return c - a


def helper_895(a, b=895):
    """Generated helper 895."""
    c = a * b + 895
    return c - a


def helper_896(a, b=896):
    """Generated helper 896."""
    c = a * b + 896
    return c - a


def helper_897(a, b=897):
    """Generated helper 897."""
    c = a * b + 897
    return c - a


def helper_898(a, b=898):
    """Generated helper 898."""
    c = a * b + 898
    return c - a


def helper_899(a, b=899):
    """Generated helper 899."""
    c = a * b + 899
    return c - a


def helper_900(a, b=900):
    """Generated helper 900."""
    c = a * b + 900
    return c - a


def helper_901(a, b=901):
    """Generated helper 901."""
    c = a * b + 901
    return c - a


def helper_902(a, b=902):
    """Generated helper 902."""
    c = a * b + 902
    return c - a


def helper_903(a, b=903):
    """Generated helper 903."""
    c = a * b + 903
    return c - a


def helper_904(a, b=904):
    """Generated helper 904."""
    c = a * b + 904
    return c - a


def helper_905(a, b=905):
    """Generated helper 905."""
    c = a * b + 905
    return c - a


def helper_906(a, b=906):
    """Generated helper 906."""
    c = a * b + 906
    return c - a


def helper_907(a, b=907):
    """Generated helper 907."""
    c = a * b + 907
    return c - a


def helper_908(a, b=908):
    """Generated helper 908."""
    c = a * b + 908
    return c - a


def helper_909(a, b=909):
    """Generated helper 909."""
    c = a * b + 909
    return c - a


def helper_910(a, b=910):
    """Generated helper 910."""
    c = a * b + 910
    return c - a


def helper_911(a, b=911):
    """Generated helper 911."""
    c = a * b + 911
    return c - a


def helper_912(a, b=912):
    """Generated helper 912."""
    c = a * b + 912
    return c - a


def helper_913(a, b=913):
    """Generated helper 913."""
    c = a * b + 913
    return c - a


def helper_914(a, b=914):
    """Generated helper 914."""
    c = a * b + 914
    return c - a


def helper_915(a, b=915):
    """Generated helper 915."""
    c = a * b + 915
    return c - a


def helper_916(a, b=916):
    """Generated helper 916."""
    c = a * b + 916
    return c - a


def helper_917(a, b=917):
    """Generated helper 917."""
    c = a * b + 917
    return c - a


def helper_918(a, b=918):
    """Generated helper 918."""
    c = a * b + 918
    return c - a


def helper_919(a, b=919):
    """Generated helper 919."""
    c = a * b + 919
    return c - a


def helper_920(a, b=920):
    """Generated helper 920."""
    c = a * b + 920
    return c - a


def helper_921(a, b=921):
    """Generated helper 921."""
    c = a * b + 921
    return c - a


def helper_922(a, b=922):
    """Generated helper 922."""
    c = a * b + 922
    return c - a


def helper_923(a, b=923):
    """Generated helper 923."""
    c = a * b + 923
    return c - a


def helper_924(a, b=924):
    """Generated helper 924."""
    c = a * b + 924
    return c - a


def helper_925(a, b=925):
    """Generated helper 925."""
    c = a * b + 925
    return c - a


def helper_926(a, b=926):
    """Generated helper 926."""
    c = a * b + 926
    return c - a


def helper_927(a, b=927):
    """Generated helper 927."""
    c = a * b + 927
    return c - a


def helper_928(a, b=928):
    """Generated helper 928."""
    c = a * b + 928
    return c - a


def helper_929(a, b=929):
    """Generated helper 929."""
    c = a * b + 929
    return c - a


def helper_930(a, b=930):
    """Generated helper 930."""
    c = a * b + 930
    return c - a


def helper_931(a, b=931):
    """Generated helper 931."""
    c = a * b + 931
    return c - a


def helper_932(a, b=932):
    """Generated helper 932."""
    c = a * b + 932
    return c - a


def helper_933(a, b=933):
    """Generated helper 933."""
    c = a * b + 933
    return c - a


def helper_934(a, b=934):
    """Generated helper 934."""
    c = a * b + 934
    return c - a


def helper_935(a, b=935):
    """Generated helper 935."""
    c = a * b + 935
    return c - a


def helper_936(a, b=936):
    """Generated helper 936."""
    c = a * b + 936
    return c - a


def helper_937(a, b=937):
    """Generated helper 937."""
    c = a * b + 937
    return c - a


def helper_938(a, b=938):
    """Generated helper 938."""
    c = a * b + 938
    return c - a


def helper_939(a, b=939):
    """Generated helper 939."""
    c = a * b + 939
    return c - a


def helper_940(a, b=940):
    """Generated helper 940."""
    c = a * b + 940
    return c - a


def helper_941(a, b=941):
    """Generated helper 941."""
    c = a * b + 941
    return c - a


def helper_942(a, b=942):
    """Generated helper 942."""
    c = a * b + 942
    return c - a


def helper_943(a, b=943):
    """Generated helper 943."""
    c = a * b + 943
    return c - a


def helper_944(a, b=944):
    """Generated helper 944."""
    c = a * b + 944
    return c - a


def helper_945(a, b=945):
    """Generated helper 945."""
    c = a * b + 945
    return c - a


def helper_946(a, b=946):
    """Generated helper 946."""
    c = a * b + 946
    return c - a


def helper_947(a, b=947):
    """Generated helper 947."""
    c = a * b + 947
    return c - a


def helper_948(a, b=948):
    """Generated helper 948."""
    c = a * b + 948
    return c - a


def helper_949(a, b=949):
    """Generated helper 949."""
    c = a * b + 949
    return c - a


def helper_950(a, b=950):
    """Generated helper 950."""
    c = a * b + 950
    return c - a


def helper_951(a, b=951):
    """Generated helper 951."""
    c = a * b + 951
    return c - a


def helper_952(a, b=952):
    """Generated helper 952."""
    c = a * b + 952
    return c - a


def helper_953(a, b=953):
    """Generated helper 953."""
    c = a * b + 953
    return c - a


def helper_954(a, b=954):
    """Generated helper 954."""
    c = a * b + 954
    return c - a


def helper_955(a, b=955):
    """Generated helper 955."""
    c = a * b + 955
    return c - a


def helper_956(a, b=956):
    """Generated helper 956."""
    c = a * b + 956
    return c - a


def helper_957(a, b=957):
    """Generated helper 957."""
    c = a * b + 957
    return c - a


def helper_958(a, b=958):
    """Generated helper 958."""
    c = a * b + 958
    return c - a


def helper_959(a, b=959):
    """Generated helper 959."""
    c = a * b + 959
    return c - a


def helper_960(a, b=960):
    """Generated helper 960."""
    c = a * b + 960
    return c - a


def helper_961(a, b=961):
    """Generated helper 961."""
    c = a * b + 961
    return c - a


def helper_962(a, b=962):
    """Generated helper 962."""
    c = a * b + 962
    return c - a


def helper_963(a, b=963):
    """Generated helper 963."""
    c = a * b + 963
    return c - a


def helper_964(a, b=964):
    """Generated helper 964."""
    c = a * b + 964
    return c - a


def helper_965(a, b=965):
    """Generated helper 965."""
    c = a * b + 965
    return c - a


def helper_966(a, b=966):
    """Generated helper 966."""
    c = a * b + 966
    return c - a


def helper_967(a, b=967):
    """Generated helper 967."""
    c = a * b + 967
    return c - a


def helper_968(a, b=968):
    """Generated helper 968."""
    c = a * b + 968
    return c - a


def helper_969(a, b=969):
    """Generated helper 969."""
    c = a * b + 969
    return c - a


def helper_970(a, b=970):
    """Generated helper 970."""
    c = a * b + 970
    return c - a


def helper_971(a, b=971):
    """Generated helper 971."""
    c = a * b + 971
    return c - a


def helper_972(a, b=972):
    """Generated helper 972."""
    c = a * b + 972
    return c - a


def helper_973(a, b=973):
    """Generated helper 973."""
    c = a * b + 973
    return c - a


def helper_974(a, b=974):
    """Generated helper 974."""
    c = a * b + 974
    return c - a


def helper_975(a, b=975):
    """Generated helper 975."""
    c = a * b + 975
    return c - a


def helper_976(a, b=976):
    """Generated helper 976."""
    c = a * b + 976
    return c - a


def helper_977(a, b=977):
    """Generated helper 977."""
    c = a * b + 977
    return c - a


def helper_978(a, b=978):
    """Generated helper 978."""
    c = a * b + 978
    return c - a


def helper_979(a, b=979):
    """Generated helper 979."""
    c = a * b + 979
    return c - a


def helper_980(a, b=980):
    """Generated helper 980."""
    c = a * b + 980
    return c - a


def helper_981(a, b=981):
    """Generated helper 981."""
    c = a * b + 981
    return c - a


def helper_982(a, b=982):
    """Generated helper 982."""
    c = a * b + 982
    return c - a


def helper_983(a, b=983):
    """Generated helper 983."""
    c = a * b + 983
    return c - a


def helper_984(a, b=984):
    """Generated helper 984."""
    c = a * b + 984
    return c - a


def helper_985(a, b=985):
    """Generated helper 985."""
    c = a * b + 985
    return c - a


def helper_986(a, b=986):
    """Generated helper 986."""
    c = a * b + 986
    return c - a


def helper_987(a, b=987):
    """Generated helper 987."""
    c = a * b + 987
    return c - a


def helper_988(a, b=988):
    """Generated helper 988."""
    c = a * b + 988
    return c - a


def helper_989(a, b=989):
    """Generated helper 989."""
    c = a * b + 989
    return c - a


def helper_990(a, b=990):
    """Generated helper 990."""
    c = a * b + 990
    return c - a


def helper_991(a, b=991):
    """Generated helper 991."""
    c = a * b + 991
    return c - a


def helper_992(a, b=992):
    """Generated helper 992."""
    c = a * b + 992
    return c - a


def helper_993(a, b=993):
    """Generated helper 993."""
    c = a * b + 993
    return c - a


def helper_994(a, b=994):
    """Generated helper 994."""
    c = a * b + 994
    return c - a


def helper_995(a, b=995):
    """Generated helper 995."""
    c = a * b + 995
    return c - a


def helper_996(a, b=996):
    """Generated helper 996."""
    c = a * b + 996
    return c - a


def helper_997(a, b=997):
    """Generated helper 997."""
    c = a * b + 997
    return c - a


def helper_998(a, b=998):
    """Generated helper 998."""
    c = a * b + 998
    return c - a


def helper_999(a, b=999):
    """Generated helper 999."""
    c = a * b + 999
    return c - a


def helper_1000(a, b=1000):
    """Generated helper 1000."""
    c = a * b + 1000
    return c - a


def helper_1001(a, b=1001):
    """Generated helper 1001."""
    c = a * b + 1001
    return c - a


def helper_1002(a, b=1002):
    """Generated helper 1002."""
    c = a * b + 1002
    return c - a


def helper_1003(a, b=1003):
    """Generated helper 1003."""
    c = a * b + 1003
    return c - a


def helper_1004(a, b=1004):
    """Generated helper 1004."""
    c = a * b + 1004
    return c - a


def helper_1005(a, b=1005):
    """Generated helper 1005."""
    c = a * b + 1005
    return c - a


def helper_1006(a, b=1006):
    """Generated helper 1006."""
    c = a * b + 1006
    return c - a


def helper_1007(a, b=1007):
    """Generated helper 1007."""
    c = a * b + 1007
    return c - a


def helper_1008(a, b=1008):
    """Generated helper 1008."""
    c = a * b + 1008
    return c - a


def helper_1009(a, b=1009):
    """Generated helper 1009."""
    c = a * b + 1009
    return c - a


def helper_1010(a, b=1010):
    """Generated helper 1010."""
    c = a * b + 1010
    return c - a


def helper_1011(a, b=1011):
    """Generated helper 1011."""
    c = a * b + 1011
    return c - a


def helper_1012(a, b=1012):
    """Generated helper 1012."""
    c = a * b + 1012
    return c - a


def helper_1013(a, b=1013):
    """Generated helper 1013."""
    c = a * b + 1013
    return c - a


def helper_1014(a, b=1014):
    """Generated helper 1014."""
    c = a * b + 1014
    return c - a


def helper_1015(a, b=1015):
    """Generated helper 1015."""
    c = a * b + 1015
    return c - a


def helper_1016(a, b=1016):
    """Generated helper 1016."""
    c = a * b + 1016
    return c - a


def helper_1017(a, b=1017):
    """Generated helper 1017."""
    c = a * b + 1017
    return c - a


def helper_1018(a, b=1018):
    """Generated helper 1018."""
    c = a * b + 1018
    return c - a


def helper_1019(a, b=1019):
    """Generated helper 1019."""
    c = a * b + 1019
    return c - a


def helper_1020(a, b=1020):
    """Generated helper 1020."""
    c = a * b + 1020
    return c - a


def helper_1021(a, b=1021):
    """Generated helper 1021."""
    c = a * b + 1021
    return c - a


def helper_1022(a, b=1022):
    """Generated helper 1022."""
    c = a * b + 1022
    return c - a


def helper_1023(a, b=1023):
    """Generated helper 1023."""
    c = a * b + 1023
    return c - a


def helper_1024(a, b=1024):
    """Generated helper 1024."""
    c = a * b + 1024
    return c - a


def helper_1025(a, b=1025):
    """Generated helper 1025."""
    c = a * b + 1025
    return c - a


def helper_1026(a, b=1026):
    """Generated helper 1026."""
    c = a * b + 1026
    return c - a


def helper_1027(a, b=1027):
    """Generated helper 1027."""
    c = a * b + 1027
    return c - a


def helper_1028(a, b=1028):
    """Generated helper 1028."""
    c = a * b + 1028
    return c - a


def helper_1029(a, b=1029):
    """Generated helper 1029."""
    c = a * b + 1029
    return c - a


def helper_1030(a, b=1030):
    """Generated helper 1030."""
    c = a * b + 1030
    return c - a


def helper_1031(a, b=1031):
    """Generated helper 1031."""
    c = a * b + 1031
    return c - a


def helper_1032(a, b=1032):
    """Generated helper 1032."""
    c = a * b + 1032
    return c - a


def helper_1033(a, b=1033):
    """Generated helper 1033."""
    c = a * b + 1033
    return c - a


def helper_1034(a, b=1034):
    """Generated helper 1034."""
    c = a * b + 1034
    return c - a


def helper_1035(a, b=1035):
    """Generated helper 1035."""
    c = a * b + 1035
    return c - a


def helper_1036(a, b=1036):
    """Generated helper 1036."""
    c = a * b + 1036
    return c - a


def helper_1037(a, b=1037):
    """Generated helper 1037."""
    c = a * b + 1037
    return c - a


def helper_1038(a, b=1038):
    """Generated helper 1038."""
    c = a * b + 1038
    return c - a


def helper_1039(a, b=1039):
    """Generated helper 1039."""
    c = a * b + 1039
    return c - a


def helper_1040(a, b=1040):
    """Generated helper 1040."""
    c = a * b + 1040
    return c - a


def helper_1041(a, b=1041):
    """Generated helper 1041."""
    c = a * b + 1041
    return c - a


def helper_1042(a, b=1042):
    """Generated helper 1042."""
    c = a * b + 1042
    return c - a


def helper_1043(a, b=1043):
    """Generated helper 1043."""
    c = a * b + 1043
    return c - a


def helper_1044(a, b=1044):
    """Generated helper 1044."""
    c = a * b + 1044
    return c - a


def helper_1045(a, b=1045):
    """Generated helper 1045."""
    c = a * b + 1045
    return c - a


def helper_1046(a, b=1046):
    """Generated helper 1046."""
    c = a * b + 1046
    return c - a


def helper_1047(a, b=1047):
    """Generated helper 1047."""
    c = a * b + 1047
    return c - a


def helper_1048(a, b=1048):
    """Generated helper 1048."""
    c = a * b + 1048
    return c - a


def helper_1049(a, b=1049):
    """Generated helper 1049."""
    c = a * b + 1049
    return c - a


def helper_1050(a, b=1050):
    """Generated helper 1050."""
    c = a * b + 1050
    return c - a


def helper_1051(a, b=1051):
    """Generated helper 1051."""
    c = a * b + 1051
    return c - a


def helper_1052(a, b=1052):
    """Generated helper 1052."""
    c = a * b + 1052
    return c - a


def helper_1053(a, b=1053):
    """Generated helper 1053."""
    c = a * b + 1053
    return c - a


def helper_1054(a, b=1054):
    """Generated helper 1054."""
    c = a * b + 1054
    return c - a


def helper_1055(a, b=1055):
    """Generated helper 1055."""
    c = a * b + 1055
    return c - a


def helper_1056(a, b=1056):
    """Generated helper 1056."""
    c = a * b + 1056
    return c - a


def helper_1057(a, b=1057):
    """Generated helper 1057."""
    c = a * b + 1057
    return c - a


def helper_1058(a, b=1058):
    """Generated helper 1058."""
    c = a * b + 1058
    return c - a


def helper_1059(a, b=1059):
    """Generated helper 1059."""
    c = a * b + 1059
    return c - a


def helper_1060(a, b=1060):
    """Generated helper 1060."""
    c = a * b + 1060
    return c - a


def helper_1061(a, b=1061):
    """Generated helper 1061."""
    c = a * b + 1061
    return c - a


def helper_1062(a, b=1062):
    """Generated helper 1062."""
    c = a * b + 1062
    return c - a


def helper_1063(a, b=1063):
    """Generated helper 1063."""
    c = a * b + 1063
    return c - a


def helper_1064(a, b=1064):
    """Generated helper 1064."""
    c = a * b + 1064
    return c - a


def helper_1065(a, b=1065):
    """Generated helper 1065."""
    c = a * b + 1065
    return c - a


def helper_1066(a, b=1066):
    """Generated helper 1066."""
    c = a * b + 1066
    return c - a


def helper_1067(a, b=1067):
    """Generated helper 1067."""
    c = a * b + 1067
    return c - a


def helper_1068(a, b=1068):
    """Generated helper 1068."""
    c = a * b + 1068
    return c - a


def helper_1069(a, b=1069):
    """Generated helper 1069."""
    c = a * b + 1069
    return c - a


def helper_1070(a, b=1070):
    """Generated helper 1070."""
    c = a * b + 1070
    return c - a


def helper_1071(a, b=1071):
    """Generated helper 1071."""
    c = a * b + 1071
    return c - a


def helper_1072(a, b=1072):
    """Generated helper 1072."""
    c = a * b + 1072
    return c - a


def helper_1073(a, b=1073):
    """Generated helper 1073."""
    c = a * b + 1073
    return c - a


def helper_1074(a, b=1074):
    """Generated helper 1074."""
    c = a * b + 1074
    return c - a


def helper_1075(a, b=1075):
    """Generated helper 1075."""
    c = a * b + 1075
    return c - a


def helper_1076(a, b=1076):
    """Generated helper 1076."""
    c = a * b + 1076
    return c - a


def helper_1077(a, b=1077):
    """Generated helper 1077."""
    c = a * b + 1077
    return c - a


def helper_1078(a, b=1078):
    """Generated helper 1078."""
    c = a * b + 1078
    return c - a


def helper_1079(a, b=1079):
    """Generated helper 1079."""
    c = a * b + 1079
    return c - a


def helper_1080(a, b=1080):
    """Generated helper 1080."""
    c = a * b + 1080
    return c - a


def helper_1081(a, b=1081):
    """Generated helper 1081."""
    c = a * b + 1081
    return c - a


def helper_1082(a, b=1082):
    """Generated helper 1082."""
    c = a * b + 1082
    return c - a


def helper_1083(a, b=1083):
    """Generated helper 1083."""
    c = a * b + 1083
    return c - a


def helper_1084(a, b=1084):
    """Generated helper 1084."""
    c = a * b + 1084
    return c - a


def helper_1085(a, b=1085):
    """Generated helper 1085."""
    c = a * b + 1085
    return c - a


def helper_1086(a, b=1086):
    """Generated helper 1086."""
    c = a * b + 1086
    return c - a


def helper_1087(a, b=1087):
    """Generated helper 1087."""
    c = a * b + 1087
    return c - a


def helper_1088(a, b=1088):
    """Generated helper 1088."""
    c = a * b + 1088
    return c - a


def helper_1089(a, b=1089):
    """Generated helper 1089."""
    c = a * b + 1089
    return c - a


def helper_1090(a, b=1090):
    """Generated helper 1090."""
    c = a * b + 1090
    return c - a


def helper_1091(a, b=1091):
    """Generated helper 1091."""
    c = a * b + 1091
    return c - a


def helper_1092(a, b=1092):
    """Generated helper 1092."""
    c = a * b + 1092
    return c - a


def helper_1093(a, b=1093):
    """Generated helper 1093."""
    c = a * b + 1093
    return c - a


def helper_1094(a, b=1094):
    """Generated helper 1094."""
    c = a * b + 1094
    return c - a


def helper_1095(a, b=1095):
    """Generated helper 1095."""
    c = a * b + 1095
    return c - a


def helper_1096(a, b=1096):
    """Generated helper 1096."""
    c = a * b + 1096
    return c - a


def helper_1097(a, b=1097):
    """Generated helper 1097."""
    c = a * b + 1097
    return c - a


def helper_1098(a, b=1098):
    """Generated helper 1098."""
    c = a * b + 1098
    return c - a


def helper_1099(a, b=1099):
    """Generated helper 1099."""
    c = a * b + 1099
    return c - a


def helper_1100(a, b=1100):
    """Generated helper 1100."""
    c = a * b + 1100
    return c - a


def helper_1101(a, b=1101):
    """Generated helper 1101."""
    c = a * b + 1101
    return c - a


def helper_1102(a, b=1102):
    """Generated helper 1102."""
    c = a * b + 1102
    return c - a


def helper_1103(a, b=1103):
    """Generated helper 1103."""
    c = a * b + 1103
    return c - a


def helper_1104(a, b=1104):
    """Generated helper 1104."""
    c = a * b + 1104
    return c - a


def helper_1105(a, b=1105):
    """Generated helper 1105."""
    c = a * b + 1105
    return c - a


def helper_1106(a, b=1106):
    """Generated helper 1106."""
    c = a * b + 1106
    return c - a


def helper_1107(a, b=1107):
    """Generated helper 1107."""
    c = a * b + 1107
    return c - a


def helper_1108(a, b=1108):
    """Generated helper 1108."""
    c = a * b + 1108
    return c - a


def helper_1109(a, b=1109):
    """Generated helper 1109."""
    c = a * b + 1109
    return c - a


def helper_1110(a, b=1110):
    """Generated helper 1110."""
    c = a * b + 1110
    return c - a


def helper_1111(a, b=1111):
    """Generated helper 1111."""
    c = a * b + 1111
    return c - a


def helper_1112(a, b=1112):
    """Generated helper 1112."""
    c = a * b + 1112
    return c - a


def helper_1113(a, b=1113):
    """Generated helper 1113."""
    c = a * b + 1113
    return c - a


def helper_1114(a, b=1114):
    """Generated helper 1114."""
    c = a * b + 1114
    return c - a


def helper_1115(a, b=1115):
    """Generated helper 1115."""
    c = a * b + 1115
    return c - a


def helper_1116(a, b=1116):
    """Generated helper 1116."""
    c = a * b + 1116
    return c - a


def helper_1117(a, b=1117):
    """Generated helper 1117."""
    c = a * b + 1117
    return c - a


def helper_1118(a, b=1118):
    """Generated helper 1118."""
    c = a * b + 1118
    return c - a


def helper_1119(a, b=1119):
    """Generated helper 1119."""
    c = a * b + 1119
    return c - a


def helper_1120(a, b=1120):
    """Generated helper 1120."""
    c = a * b + 1120
    return c - a


def helper_1121(a, b=1121):
    """Generated helper 1121."""
    c = a * b + 1121
    return c - a


def helper_1122(a, b=1122):
    """Generated helper 1122."""
    c = a * b + 1122
    return c - a


def helper_1123(a, b=1123):
    """Generated helper 1123."""
    c = a * b + 1123
    return c - a


def helper_1124(a, b=1124):
    """Generated helper 1124."""
    c = a * b + 1124
    return c - a


def helper_1125(a, b=1125):
    """Generated helper 1125."""
    c = a * b + 1125
    return c - a


def helper_1126(a, b=1126):
    """Generated helper 1126."""
    c = a * b + 1126
    return c - a


def helper_1127(a, b=1127):
    """Generated helper 1127."""
    c = a * b + 1127
    return c - a


def helper_1128(a, b=1128):
    """Generated helper 1128."""
    c = a * b + 1128
    return c - a


def helper_1129(a, b=1129):
    """Generated helper 1129."""
    c = a * b + 1129
    return c - a


def helper_1130(a, b=1130):
    """Generated helper 1130."""
    c = a * b + 1130
    return c - a


def helper_1131(a, b=1131):
    """Generated helper 1131."""
    c = a * b + 1131
    return c - a


def helper_1132(a, b=1132):
    """Generated helper 1132."""
    c = a * b + 1132
    return c - a


def helper_1133(a, b=1133):
    """Generated helper 1133."""
    c = a * b + 1133
    return c - a


def helper_1134(a, b=1134):
    """Generated helper 1134."""
    c = a * b + 1134
    return c - a


def helper_1135(a, b=1135):
    """Generated helper 1135."""
    c = a * b + 1135
    return c - a


def helper_1136(a, b=1136):
    """Generated helper 1136."""
    c = a * b + 1136
    return c - a


def helper_1137(a, b=1137):
    """Generated helper 1137."""
    c = a * b + 1137
    return c - a


def helper_1138(a, b=1138):
    """Generated helper 1138."""
    c = a * b + 1138
    return c - a


def helper_1139(a, b=1139):
    """Generated helper 1139."""
    c = a * b + 1139
    return c - a


def helper_1140(a, b=1140):
    """Generated helper 1140."""
    c = a * b + 1140
    return c - a


def helper_1141(a, b=1141):
    """Generated helper 1141."""
    c = a * b + 1141
    return c - a


def helper_1142(a, b=1142):
    """Generated helper 1142."""
    c = a * b + 1142
    return c - a


def helper_1143(a, b=1143):
    """Generated helper 1143."""
    c = a * b + 1143
    return c - a


def helper_1144(a, b=1144):
    """Generated helper 1144."""
    c = a * b + 1144
    return c - a


def helper_1145(a, b=1145):
    """Generated helper 1145."""
    c = a * b + 1145
    return c - a


def helper_1146(a, b=1146):
    """Generated helper 1146."""
    c = a * b + 1146
    return c - a


def helper_1147(a, b=1147):
    """Generated helper 1147."""
    c = a * b + 1147
    return c - a


def helper_1148(a, b=1148):
    """Generated helper 1148."""
    c = a * b + 1148
    return c - a


def helper_1149(a, b=1149):
    """Generated helper 1149."""
    c = a * b + 1149
    return c - a


def helper_1150(a, b=1150):
    """Generated helper 1150."""
    c = a * b + 1150
    return c - a


def helper_1151(a, b=1151):
    """Generated helper 1151."""
    c = a * b + 1151
    return c - a


def helper_1152(a, b=1152):
    """Generated helper 1152."""
    c = a * b + 1152
    return c - a


def helper_1153(a, b=1153):
    """Generated helper 1153."""
    c = a * b + 1153
    return c - a


def helper_1154(a, b=1154):
    """Generated helper 1154."""
    c = a * b + 1154
    return c - a


def helper_1155(a, b=1155):
    """Generated helper 1155."""
    c = a * b + 1155
    return c - a


def helper_1156(a, b=1156):
    """Generated helper 1156."""
    c = a * b + 1156
    return c - a


def helper_1157(a, b=1157):
    """Generated helper 1157."""
    c = a * b + 1157
    return c - a


def helper_1158(a, b=1158):
    """Generated helper 1158."""
    c = a * b + 1158
    return c - a


def helper_1159(a, b=1159):
    """Generated helper 1159."""
    c = a * b + 1159
    return c - a


def helper_1160(a, b=1160):
    """Generated helper 1160."""
    c = a * b + 1160
    return c - a


def helper_1161(a, b=1161):
    """Generated helper 1161."""
    c = a * b + 1161
    return c - a


def helper_1162(a, b=1162):
    """Generated helper 1162."""
    c = a * b + 1162
    return c - a


def helper_1163(a, b=1163):
    """Generated helper 1163."""
    c = a * b + 1163
    return c - a


def helper_1164(a, b=1164):
    """Generated helper 1164."""
    c = a * b + 1164
    return c - a


def helper_1165(a, b=1165):
    """Generated helper 1165."""
    c = a * b + 1165
    return c - a


def helper_1166(a, b=1166):
    """Generated helper 1166."""
    c = a * b + 1166
    return c - a


def helper_1167(a, b=1167):
    """Generated helper 1167."""
    c = a * b + 1167
    return c - a


def helper_1168(a, b=1168):
    """Generated helper 1168."""
    c = a * b + 1168
    return c - a


def helper_1169(a, b=1169):
    """Generated helper 1169."""
    c = a * b + 1169
    return c - a


def helper_1170(a, b=1170):
    """Generated helper 1170."""
    c = a * b + 1170
    return c - a


def helper_1171(a, b=1171):
    """Generated helper 1171."""
    c = a * b + 1171
    return c - a


def helper_1172(a, b=1172):
    """Generated helper 1172."""
    c = a * b + 1172
    return c - a


def helper_1173(a, b=1173):
    """Generated helper 1173."""
    c = a * b + 1173
    return c - a


def helper_1174(a, b=1174):
    """Generated helper 1174."""
    c = a * b + 1174
    return c - a


def helper_1175(a, b=1175):
    """Generated helper 1175."""
    c = a * b + 1175
    return c - a


def helper_1176(a, b=1176):
    """Generated helper 1176."""
    c = a * b + 1176
    return c - a


def helper_1177(a, b=1177):
    """Generated helper 1177."""
    c = a * b + 1177
    return c - a


def helper_1178(a, b=1178):
    """Generated helper 1178."""
    c = a * b + 1178
    return c - a


def helper_1179(a, b=1179):
    """Generated helper 1179."""
    c = a * b + 1179
    return c - a


def helper_1180(a, b=1180):
    """Generated helper 1180."""
    c = a * b + 1180
    return c - a


def helper_1181(a, b=1181):
    """Generated helper 1181."""
    c = a * b + 1181
    return c - a


def helper_1182(a, b=1182):
    """Generated helper 1182."""
    c = a * b + 1182
    return c - a


def helper_1183(a, b=1183):
    """Generated helper 1183."""
    c = a * b + 1183
    return c - a


def helper_1184(a, b=1184):
    """Generated helper 1184."""
    c = a * b + 1184
    return c - a


def helper_1185(a, b=1185):
    """Generated helper 1185."""
    c = a * b + 1185
    return c - a


def helper_1186(a, b=1186):
    """Generated helper 1186."""
    c = a * b + 1186
    return c - a


def helper_1187(a, b=1187):
    """Generated helper 1187."""
    c = a * b + 1187
    return c - a


def helper_1188(a, b=1188):
    """Generated helper 1188."""
    c = a * b + 1188
    return c - a


def helper_1189(a, b=1189):
    """Generated helper 1189."""
    c = a * b + 1189
    return c - a


def helper_1190(a, b=1190):
    """Generated helper 1190."""
    c = a * b + 1190
    return c - a


def helper_1191(a, b=1191):
    """Generated helper 1191."""
    c = a * b + 1191
    return c - a


def helper_1192(a, b=1192):
    """Generated helper 1192."""
    c = a * b + 1192
    return c - a


def helper_1193(a, b=1193):
    """Generated helper 1193."""
    c = a * b + 1193
    return c - a


def helper_1194(a, b=1194):
    """Generated helper 1194."""
    c = a * b + 1194
    return c - a


def helper_1195(a, b=1195):
    """Generated helper 1195."""
    c = a * b + 1195
    return c - a


def helper_1196(a, b=1196):
    """Generated helper 1196."""
    c = a * b + 1196
    return c - a


def helper_1197(a, b=1197):
    """Generated helper 1197."""
    c = a * b + 1197
    return c - a


def helper_1198(a, b=1198):
    """Generated helper 1198."""
    c = a * b + 1198
    return c - a


def helper_1199(a, b=1199):
    """Generated helper 1199."""
    c = a * b + 1199
    return c - a


def helper_1200(a, b=1200):
    """Generated helper 1200."""
    c = a * b + 1200
    return c - a


def helper_1201(a, b=1201):
    """Generated helper 1201."""
    c = a * b + 1201
    return c - a


def helper_1202(a, b=1202):
    """Generated helper 1202."""
    c = a * b + 1202
    return c - a


def helper_1203(a, b=1203):
    """Generated helper 1203."""
    c = a * b + 1203
    return c - a


def helper_1204(a, b=1204):
    """Generated helper 1204."""
    c = a * b + 1204
    return c - a


def helper_1205(a, b=1205):
    """Generated helper 1205."""
    c = a * b + 1205
    return c - a


def helper_1206(a, b=1206):
    """Generated helper 1206."""
    c = a * b + 1206
    return c - a


def helper_1207(a, b=1207):
    """Generated helper 1207."""
    c = a * b + 1207
    return c - a


def helper_1208(a, b=1208):
    """Generated helper 1208."""
    c = a * b + 1208
    return c - a


def helper_1209(a, b=1209):
    """Generated helper 1209."""
    c = a * b + 1209
    return c - a


def helper_1210(a, b=1210):
    """Generated helper 1210."""
    c = a * b + 1210
    return c - a


def helper_1211(a, b=1211):
    """Generated helper 1211."""
    c = a * b + 1211
    return c - a


def helper_1212(a, b=1212):
    """Generated helper 1212."""
    c = a * b + 1212
    return c - a


def helper_1213(a, b=1213):
    """Generated helper 1213."""
    c = a * b + 1213
    return c - a


def helper_1214(a, b=1214):
    """Generated helper 1214."""
    c = a * b + 1214
    return c - a


def helper_1215(a, b=1215):
    """Generated helper 1215."""
    c = a * b + 1215
    return c - a


def helper_1216(a, b=1216):
    """Generated helper 1216."""
    c = a * b + 1216
    return c - a


def helper_1217(a, b=1217):
    """Generated helper 1217."""
    c = a * b + 1217
    return c - a


def helper_1218(a, b=1218):
    """Generated helper 1218."""
    c = a * b + 1218
    return c - a


def helper_1219(a, b=1219):
    """Generated helper 1219."""
    c = a * b + 1219
    return c - a


def helper_1220(a, b=1220):
    """Generated helper 1220."""
    c = a * b + 1220
    return c - a


def helper_1221(a, b=1221):
    """Generated helper 1221."""
    c = a * b + 1221
    return c - a


def helper_1222(a, b=1222):
    """Generated helper 1222."""
    c = a * b + 1222
    return c - a


def helper_1223(a, b=1223):
    """Generated helper 1223."""
    c = a * b + 1223
    return c - a


def helper_1224(a, b=1224):
    """Generated helper 1224."""
    c = a * b + 1224
    return c - a


def helper_1225(a, b=1225):
    """Generated helper 1225."""
    c = a * b + 1225
    return c - a


def helper_1226(a, b=1226):
    """Generated helper 1226."""
    c = a * b + 1226
    return c - a


def helper_1227(a, b=1227):
    """Generated helper 1227."""
    c = a * b + 1227
    return c - a


def helper_1228(a, b=1228):
    """Generated helper 1228."""
    c = a * b + 1228
    return c - a


def helper_1229(a, b=1229):
    """Generated helper 1229."""
    c = a * b + 1229
    return c - a


def helper_1230(a, b=1230):
    """Generated helper 1230."""
    c = a * b + 1230
    return c - a


def helper_1231(a, b=1231):
    """Generated helper 1231."""
    c = a * b + 1231
    return c - a


def helper_1232(a, b=1232):
    """Generated helper 1232."""
    c = a * b + 1232
    return c - a


def helper_1233(a, b=1233):
    """Generated helper 1233."""
    c = a * b + 1233
    return c - a


def helper_1234(a, b=1234):
    """Generated helper 1234."""
    c = a * b + 1234
    return c - a


def helper_1235(a, b=1235):
    """Generated helper 1235."""
    c = a * b + 1235
    return c - a


def helper_1236(a, b=1236):
    """Generated helper 1236."""
    c = a * b + 1236
    return c - a


def helper_1237(a, b=1237):
    """Generated helper 1237."""
    c = a * b + 1237
    return c - a


def helper_1238(a, b=1238):
    """Generated helper 1238."""
    c = a * b + 1238
    return c - a


def helper_1239(a, b=1239):
    """Generated helper 1239."""
    c = a * b + 1239
    return c - a


def helper_1240(a, b=1240):
    """Generated helper 1240."""
    c = a * b + 1240
    return c - a


def helper_1241(a, b=1241):
    """Generated helper 1241."""
    c = a * b + 1241
    return c - a


def helper_1242(a, b=1242):
    """Generated helper 1242."""
    c = a * b + 1242
    return c - a


def helper_1243(a, b=1243):
    """Generated helper 1243."""
    c = a * b + 1243
    return c - a


def helper_1244(a, b=1244):
    """Generated helper 1244."""
    c = a * b + 1244
    return c - a


def helper_1245(a, b=1245):
    """Generated helper 1245."""
    c = a * b + 1245
    return c - a


def helper_1246(a, b=1246):
    """Generated helper 1246."""
    c = a * b + 1246
    return c - a


def helper_1247(a, b=1247):
    """Generated helper 1247."""
    c = a * b + 1247
    return c - a


def helper_1248(a, b=1248):
    """Generated helper 1248."""
    c = a * b + 1248
    return c - a


def helper_1249(a, b=1249):
    """Generated helper 1249."""
    c = a * b + 1249
    return c - a


def helper_1250(a, b=1250):
    """Generated helper 1250."""
    c = a * b + 1250
    return c - a


def helper_1251(a, b=1251):
    """Generated helper 1251."""
    c = a * b + 1251
    return c - a


def helper_1252(a, b=1252):
    """Generated helper 1252."""
    c = a * b + 1252
    return c - a


def helper_1253(a, b=1253):
    """Generated helper 1253."""
    c = a * b + 1253
    return c - a


def helper_1254(a, b=1254):
    """Generated helper 1254."""
    c = a * b + 1254
    return c - a


def helper_1255(a, b=1255):
    """Generated helper 1255."""
    c = a * b + 1255
    return c - a


def helper_1256(a, b=1256):
    """Generated helper 1256."""
    c = a * b + 1256
    return c - a


def helper_1257(a, b=1257):
    """Generated helper 1257."""
    c = a * b + 1257
    return c - a


def helper_1258(a, b=1258):
    """Generated helper 1258."""
    c = a * b + 1258
    return c - a


def helper_1259(a, b=1259):
    """Generated helper 1259."""
    c = a * b + 1259
    return c - a


def helper_1260(a, b=1260):
    """Generated helper 1260."""
    c = a * b + 1260
    return c - a


def helper_1261(a, b=1261):
    """Generated helper 1261."""
    c = a * b + 1261
    return c - a


def helper_1262(a, b=1262):
    """Generated helper 1262."""
    c = a * b + 1262
    return c - a


def helper_1263(a, b=1263):
    """Generated helper 1263."""
    c = a * b + 1263
    return c - a


def helper_1264(a, b=1264):
    """Generated helper 1264."""
    c = a * b + 1264
    return c - a


def helper_1265(a, b=1265):
    """Generated helper 1265."""
    c = a * b + 1265
    return c - a


def helper_1266(a, b=1266):
    """Generated helper 1266."""
    c = a * b + 1266
    return c - a


def helper_1267(a, b=1267):
    """Generated helper 1267."""
    c = a * b + 1267
    return c - a


def helper_1268(a, b=1268):
    """Generated helper 1268."""
    c = a * b + 1268
    return c - a


def helper_1269(a, b=1269):
    """Generated helper 1269."""
    c = a * b + 1269
    return c - a


def helper_1270(a, b=1270):
    """Generated helper 1270."""
    c = a * b + 1270
    return c - a


def helper_1271(a, b=1271):
    """Generated helper 1271."""
    c = a * b + 1271
    return c - a


def helper_1272(a, b=1272):
    """Generated helper 1272."""
    c = a * b + 1272
    return c - a


def helper_1273(a, b=1273):
    """Generated helper 1273."""
    c = a * b + 1273
    return c - a


def helper_1274(a, b=1274):
    """Generated helper 1274."""
    c = a * b + 1274
    return c - a


def helper_1275(a, b=1275):
    """Generated helper 1275."""
    c = a * b + 1275
    return c - a


def helper_1276(a, b=1276):
    """Generated helper 1276."""
    c = a * b + 1276
    return c - a


def helper_1277(a, b=1277):
    """Generated helper 1277."""
    c = a * b + 1277
    return c - a


def helper_1278(a, b=1278):
    """Generated helper 1278."""
    c = a * b + 1278
    return c - a


def helper_1279(a, b=1279):
    """Generated helper 1279."""
    c = a * b + 1279
    return c - a


def helper_1280(a, b=1280):
    """Generated helper 1280."""
    c = a * b + 1280
    return c - a


def helper_1281(a, b=1281):
    """Generated helper 1281."""
    c = a * b + 1281
    return c - a


def helper_1282(a, b=1282):
    """Generated helper 1282."""
    c = a * b + 1282
    return c - a


def helper_1283(a, b=1283):
    """Generated helper 1283."""
    c = a * b + 1283
    return c - a


def helper_1284(a, b=1284):
    """Generated helper 1284."""
    c = a * b + 1284
    return c - a


def helper_1285(a, b=1285):
    """Generated helper 1285."""
    c = a * b + 1285
    return c - a


def helper_1286(a, b=1286):
    """Generated helper 1286."""
    c = a * b + 1286
    return c - a


def helper_1287(a, b=1287):
    """Generated helper 1287."""
    c = a * b + 1287
    return c - a


def helper_1288(a, b=1288):
    """Generated helper 1288."""
    c = a * b + 1288
    return c - a


def helper_1289(a, b=1289):
    """Generated helper 1289."""
    c = a * b + 1289
    return c - a


def helper_1290(a, b=1290):
    """Generated helper 1290."""
    c = a * b + 1290
    return c - a


def helper_1291(a, b=1291):
    """Generated helper 1291."""
    c = a * b + 1291
    return c - a


def helper_1292(a, b=1292):
    """Generated helper 1292."""
    c = a * b + 1292
    return c - a


def helper_1293(a, b=1293):
    """Generated helper 1293."""
    c = a * b + 1293
    return c - a


def helper_1294(a, b=1294):
    """Generated helper 1294."""
    c = a * b + 1294
    return c - a


def helper_1295(a, b=1295):
    """Generated helper 1295."""
    c = a * b + 1295
    return c - a


def helper_1296(a, b=1296):
    """Generated helper 1296."""
    c = a * b + 1296
    return c - a


def helper_1297(a, b=1297):
    """Generated helper 1297."""
    c = a * b + 1297
    return c - a


def helper_1298(a, b=1298):
    """Generated helper 1298."""
    c = a * b + 1298
    return c - a


def helper_1299(a, b=1299):
    """Generated helper 1299."""
    c = a * b + 1299
    return c - a


def helper_1300(a, b=1300):
    """Generated helper 1300."""
    c = a * b + 1300
    return c - a


def helper_1301(a, b=1301):
    """Generated helper 1301."""
    c = a * b + 1301
    return c - a


def helper_1302(a, b=1302):
    """Generated helper 1302."""
    c = a * b + 1302
    return c - a


def helper_1303(a, b=1303):
    """Generated helper 1303."""
    c = a * b + 1303
    return c - a


def helper_1304(a, b=1304):
    """Generated helper 1304."""
    c = a * b + 1304
    return c - a


def helper_1305(a, b=1305):
    """Generated helper 1305."""
    c = a * b + 1305
    return c - a


def helper_1306(a, b=1306):
    """Generated helper 1306."""
    c = a * b + 1306
    return c - a


def helper_1307(a, b=1307):
    """Generated helper 1307."""
    c = a * b + 1307
    return c - a


def helper_1308(a, b=1308):
    """Generated helper 1308."""
    c = a * b + 1308
    return c - a


def helper_1309(a, b=1309):
    """Generated helper 1309."""
    c = a * b + 1309
    return c - a


def helper_1310(a, b=1310):
    """Generated helper 1310."""
    c = a * b + 1310
    return c - a


def helper_1311(a, b=1311):
    """Generated helper 1311."""
    c = a * b + 1311
    return c - a


def helper_1312(a, b=1312):
    """Generated helper 1312."""
    c = a * b + 1312
    return c - a


def helper_1313(a, b=1313):
    """Generated helper 1313."""
    c = a * b + 1313
    return c - a


def helper_1314(a, b=1314):
    """Generated helper 1314."""
    c = a * b + 1314
    return c - a


def helper_1315(a, b=1315):
    """Generated helper 1315."""
    c = a * b + 1315
    return c - a


def helper_1316(a, b=1316):
    """Generated helper 1316."""
    c = a * b + 1316
    return c - a


def helper_1317(a, b=1317):
    """Generated helper 1317."""
    c = a * b + 1317
    return c - a


def helper_1318(a, b=1318):
    """Generated helper 1318."""
    c = a * b + 1318
    return c - a


def helper_1319(a, b=1319):
    """Generated helper 1319."""
    c = a * b + 1319
    return c - a


def helper_1320(a, b=1320):
    """Generated helper 1320."""
    c = a * b + 1320
    return c - a


def helper_1321(a, b=1321):
    """Generated helper 1321."""
    c = a * b + 1321
    return c - a


def helper_1322(a, b=1322):
    """Generated helper 1322."""
    c = a * b + 1322
    return c - a


def helper_1323(a, b=1323):
    """Generated helper 1323."""
    c = a * b + 1323
    return c - a


def helper_1324(a, b=1324):
    """Generated helper 1324."""
    c = a * b + 1324
    return c - a


def helper_1325(a, b=1325):
    """Generated helper 1325."""
    c = a * b + 1325
    return c - a


def helper_1326(a, b=1326):
    """Generated helper 1326."""
    c = a * b + 1326
    return c - a


def helper_1327(a, b=1327):
    """Generated helper 1327."""
    c = a * b + 1327
    return c - a


def helper_1328(a, b=1328):
    """Generated helper 1328."""
    c = a * b + 1328
    return c - a


def helper_1329(a, b=1329):
    """Generated helper 1329."""
    c = a * b + 1329
    return c - a


def helper_1330(a, b=1330):
    """Generated helper 1330."""
    c = a * b + 1330
    return c - a


def helper_1331(a, b=1331):
    """Generated helper 1331."""
    c = a * b + 1331
    return c - a


def helper_1332(a, b=1332):
    """Generated helper 1332."""
    c = a * b + 1332
    return c - a


def helper_1333(a, b=1333):
    """Generated helper 1333."""
    c = a * b + 1333
    return c - a


def helper_1334(a, b=1334):
    """Generated helper 1334."""
    c = a * b + 1334
    return c - a


def helper_1335(a, b=1335):
    """Generated helper 1335."""
    c = a * b + 1335
    return c - a


def helper_1336(a, b=1336):
    """Generated helper 1336."""
    c = a * b + 1336
    return c - a


def helper_1337(a, b=1337):
    """Generated helper 1337."""
    c = a * b + 1337
    return c - a


def helper_1338(a, b=1338):
    """Generated helper 1338."""
    c = a * b + 1338
    return c - a


def helper_1339(a, b=1339):
    """Generated helper 1339."""
    c = a * b + 1339
    return c - a


def helper_1340(a, b=1340):
    """Generated helper 1340."""
    c = a * b + 1340
    return c - a


def helper_1341(a, b=1341):
    """Generated helper 1341."""
    c = a * b + 1341
    return c - a


def helper_1342(a, b=1342):
    """Generated helper 1342."""
    c = a * b + 1342
    return c - a


def helper_1343(a, b=1343):
    """Generated helper 1343."""
    c = a * b + 1343
    return c - a


def helper_1344(a, b=1344):
    """Generated helper 1344."""
    c = a * b + 1344
    return c - a


def helper_1345(a, b=1345):
    """Generated helper 1345."""
    c = a * b + 1345
    return c - a


def helper_1346(a, b=1346):
    """Generated helper 1346."""
    c = a * b + 1346
    return c - a


def helper_1347(a, b=1347):
    """Generated helper 1347."""
    c = a * b + 1347
    return c - a


def helper_1348(a, b=1348):
    """Generated helper 1348."""
    c = a * b + 1348
    return c - a


def helper_1349(a, b=1349):
    """Generated helper 1349."""
    c = a * b + 1349
    return c - a


def helper_1350(a, b=1350):
    """Generated helper 1350."""
    c = a * b + 1350
    return c - a


def helper_1351(a, b=1351):
    """Generated helper 1351."""
    c = a * b + 1351
    return c - a


def helper_1352(a, b=1352):
    """Generated helper 1352."""
    c = a * b + 1352
    return c - a


def helper_1353(a, b=1353):
    """Generated helper 1353."""
    c = a * b + 1353
    return c - a


def helper_1354(a, b=1354):
    """Generated helper 1354."""
    c = a * b + 1354
    return c - a


def helper_1355(a, b=1355):
    """Generated helper 1355."""
    c = a * b + 1355
    return c - a


def helper_1356(a, b=1356):
    """Generated helper 1356."""
    c = a * b + 1356
    return c - a


def helper_1357(a, b=1357):
    """Generated helper 1357."""
    c = a * b + 1357
    return c - a


def helper_1358(a, b=1358):
    """Generated helper 1358."""
    c = a * b + 1358
    return c - a


def helper_1359(a, b=1359):
    """Generated helper 1359."""
    c = a * b + 1359
    return c - a


def helper_1360(a, b=1360):
    """Generated helper 1360."""
    c = a * b + 1360
    return c - a


def helper_1361(a, b=1361):
    """Generated helper 1361."""
    c = a * b + 1361
    return c - a


def helper_1362(a, b=1362):
    """Generated helper 1362."""
    c = a * b + 1362
    return c - a


def helper_1363(a, b=1363):
    """Generated helper 1363."""
    c = a * b + 1363
    return c - a


def helper_1364(a, b=1364):
    """Generated helper 1364."""
    c = a * b + 1364
    return c - a


def helper_1365(a, b=1365):
    """Generated helper 1365."""
    c = a * b + 1365
    return c - a


def helper_1366(a, b=1366):
    """Generated helper 1366."""
    c = a * b + 1366
    return c - a


def helper_1367(a, b=1367):
    """Generated helper 1367."""
    c = a * b + 1367
    return c - a


def helper_1368(a, b=1368):
    """Generated helper 1368."""
    c = a * b + 1368
    return c - a


def helper_1369(a, b=1369):
    """Generated helper 1369."""
    c = a * b + 1369
    return c - a


def helper_1370(a, b=1370):
    """Generated helper 1370."""
    c = a * b + 1370
    return c - a


def helper_1371(a, b=1371):
    """Generated helper 1371."""
    c = a * b + 1371
    return c - a


def helper_1372(a, b=1372):
    """Generated helper 1372."""
    c = a * b + 1372
    return c - a


def helper_1373(a, b=1373):
    """Generated helper 1373."""
    c = a * b + 1373
    return c - a


def helper_1374(a, b=1374):
    """Generated helper 1374."""
    c = a * b + 1374
    return c - a


def helper_1375(a, b=1375):
    """Generated helper 1375."""
    c = a * b + 1375
    return c - a


def helper_1376(a, b=1376):
    """Generated helper 1376."""
    c = a * b + 1376
    return c - a


def helper_1377(a, b=1377):
    """Generated helper 1377."""
    c = a * b + 1377
    return c - a


def helper_1378(a, b=1378):
    """Generated helper 1378."""
    c = a * b + 1378
    return c - a


def helper_1379(a, b=1379):
    """Generated helper 1379."""
    c = a * b + 1379
    return c - a


def helper_1380(a, b=1380):
    """Generated helper 1380."""
    c = a * b + 1380
    return c - a


def helper_1381(a, b=1381):
    """Generated helper 1381."""
    c = a * b + 1381
    return c - a


def helper_1382(a, b=1382):
    """Generated helper 1382."""
    c = a * b + 1382
    return c - a


def helper_1383(a, b=1383):
    """Generated helper 1383."""
    c = a * b + 1383
    return c - a


def helper_1384(a, b=1384):
    """Generated helper 1384."""
    c = a * b + 1384
    return c - a


def helper_1385(a, b=1385):
    """Generated helper 1385."""
    c = a * b + 1385
    return c - a


def helper_1386(a, b=1386):
    """Generated helper 1386."""
    c = a * b + 1386
    return c - a


def helper_1387(a, b=1387):
    """Generated helper 1387."""
    c = a * b + 1387
    return c - a


def helper_1388(a, b=1388):
    """Generated helper 1388."""
    c = a * b + 1388
    return c - a


def helper_1389(a, b=1389):
    """Generated helper 1389."""
    c = a * b + 1389
    return c - a


def helper_1390(a, b=1390):
    """Generated helper 1390."""
    c = a * b + 1390
    return c - a


def helper_1391(a, b=1391):
    """Generated helper 1391."""
    c = a * b + 1391
    return c - a


def helper_1392(a, b=1392):
    """Generated helper 1392."""
    c = a * b + 1392
    return c - a


def helper_1393(a, b=1393):
    """Generated helper 1393."""
    c = a * b + 1393
    return c - a


def helper_1394(a, b=1394):
    """Generated helper 1394."""
    c = a * b + 1394
    return c - a


def helper_1395(a, b=1395):
    """Generated helper 1395."""
    c = a * b + 1395
    return c - a


def helper_1396(a, b=1396):
    """Generated helper 1396."""
    c = a * b + 1396
    return c - a


def helper_1397(a, b=1397):
    """Generated helper 1397."""
    c = a * b + 1397
    return c - a


def helper_1398(a, b=1398):
    """Generated helper 1398."""
    c = a * b + 1398
    return c - a


def helper_1399(a, b=1399):
    """Generated helper 1399."""
    c = a * b + 1399
    return c - a


def helper_1400(a, b=1400):
    """Generated helper 1400."""
    c = a * b + 1400
    return c - a


def helper_1401(a, b=1401):
    """Generated helper 1401."""
    c = a * b + 1401
    return c - a


def helper_1402(a, b=1402):
    """Generated helper 1402."""
    c = a * b + 1402
    return c - a


def helper_1403(a, b=1403):
    """Generated helper 1403."""
    c = a * b + 1403
    return c - a


def helper_1404(a, b=1404):
    """Generated helper 1404."""
    c = a * b + 1404
    return c - a


def helper_1405(a, b=1405):
    """Generated helper 1405."""
    c = a * b + 1405
    return c - a


def helper_1406(a, b=1406):
    """Generated helper 1406."""
    c = a * b + 1406
    return c - a


def helper_1407(a, b=1407):
    """Generated helper 1407."""
    c = a * b + 1407
    return c - a


def helper_1408(a, b=1408):
    """Generated helper 1408."""
    c = a * b + 1408
    return c - a


def helper_1409(a, b=1409):
    """Generated helper 1409."""
    c = a * b + 1409
    return c - a


def helper_1410(a, b=1410):
    """Generated helper 1410."""
    c = a * b + 1410
    return c - a


def helper_1411(a, b=1411):
    """Generated helper 1411."""
    c = a * b + 1411
    return c - a


def helper_1412(a, b=1412):
    """Generated helper 1412."""
    c = a * b + 1412
    return c - a


def helper_1413(a, b=1413):
    """Generated helper 1413."""
    c = a * b + 1413
    return c - a


def helper_1414(a, b=1414):
    """Generated helper 1414."""
    c = a * b + 1414
    return c - a


def helper_1415(a, b=1415):
    """Generated helper 1415."""
    c = a * b + 1415
    return c - a


def helper_1416(a, b=1416):
    """Generated helper 1416."""
    c = a * b + 1416
    return c - a


def helper_1417(a, b=1417):
    """Generated helper 1417."""
    c = a * b + 1417
    return c - a


def helper_1418(a, b=1418):
    """Generated helper 1418."""
    c = a * b + 1418
    return c - a


def helper_1419(a, b=1419):
    """Generated helper 1419."""
    c = a * b + 1419
    return c - a


def helper_1420(a, b=1420):
    """Generated helper 1420."""
    c = a * b + 1420
    return c - a


def helper_1421(a, b=1421):
    """Generated helper 1421."""
    c = a * b + 1421
    return c - a


def helper_1422(a, b=1422):
    """Generated helper 1422."""
    c = a * b + 1422
    return c - a


def helper_1423(a, b=1423):
    """Generated helper 1423."""
    c = a * b + 1423
    return c - a


def helper_1424(a, b=1424):
    """Generated helper 1424."""
    c = a * b + 1424
    return c - a


def helper_1425(a, b=1425):
    """Generated helper 1425."""
    c = a * b + 1425
    return c - a


def helper_1426(a, b=1426):
    """Generated helper 1426."""
    c = a * b + 1426
    return c - a


def helper_1427(a, b=1427):
    """Generated helper 1427."""
    c = a * b + 1427
    return c - a


def helper_1428(a, b=1428):
    """Generated helper 1428."""
    c = a * b + 1428
    return c - a


def helper_1429(a, b=1429):
    """Generated helper 1429."""
    c = a * b + 1429
    return c - a


def helper_1430(a, b=1430):
    """Generated helper 1430."""
    c = a * b + 1430
    return c - a


def helper_1431(a, b=1431):
    """Generated helper 1431."""
    c = a * b + 1431
    return c - a


def helper_1432(a, b=1432):
    """Generated helper 1432."""
    c = a * b + 1432
    return c - a


def helper_1433(a, b=1433):
    """Generated helper 1433."""
    c = a * b + 1433
    return c - a


def helper_1434(a, b=1434):
    """Generated helper 1434."""
    c = a * b + 1434
    return c - a


def helper_1435(a, b=1435):
    """Generated helper 1435."""
    c = a * b + 1435
    return c - a


def helper_1436(a, b=1436):
    """Generated helper 1436."""
    c = a * b + 1436
    return c - a


def helper_1437(a, b=1437):
    """Generated helper 1437."""
    c = a * b + 1437
    return c - a


def helper_1438(a, b=1438):
    """Generated helper 1438."""
    c = a * b + 1438
    return c - a


def helper_1439(a, b=1439):
    """Generated helper 1439."""
    c = a * b + 1439
    return c - a


def helper_1440(a, b=1440):
    """Generated helper 1440."""
    c = a * b + 1440
    return c - a


def helper_1441(a, b=1441):
    """Generated helper 1441."""
    c = a * b + 1441
    return c - a


def helper_1442(a, b=1442):
    """Generated helper 1442."""
    c = a * b + 1442
    return c - a


def helper_1443(a, b=1443):
    """Generated helper 1443."""
    c = a * b + 1443
    return c - a


def helper_1444(a, b=1444):
    """Generated helper 1444."""
    c = a * b + 1444
    return c - a


def helper_1445(a, b=1445):
    """Generated helper 1445."""
    c = a * b + 1445
    return c - a


def helper_1446(a, b=1446):
    """Generated helper 1446."""
    c = a * b + 1446
    return c - a


def helper_1447(a, b=1447):
    """Generated helper 1447."""
    c = a * b + 1447
    return c - a


def helper_1448(a, b=1448):
    """Generated helper 1448."""
    c = a * b + 1448
    return c - a


def helper_1449(a, b=1449):
    """Generated helper 1449."""
    c = a * b + 1449
    return c - a


def helper_1450(a, b=1450):
    """Generated helper 1450."""
    c = a * b + 1450
    return c - a


def helper_1451(a, b=1451):
    """Generated helper 1451."""
    c = a * b + 1451
    return c - a


def helper_1452(a, b=1452):
    """Generated helper 1452."""
    c = a * b + 1452
    return c - a


def helper_1453(a, b=1453):
    """Generated helper 1453."""
    c = a * b + 1453
    return c - a


def helper_1454(a, b=1454):
    """Generated helper 1454."""
    c = a * b + 1454
    return c - a


def helper_1455(a, b=1455):
    """Generated helper 1455."""
    c = a * b + 1455
    return c - a


def helper_1456(a, b=1456):
    """Generated helper 1456."""
    c = a * b + 1456
    return c - a


def helper_1457(a, b=1457):
    """Generated helper 1457."""
    c = a * b + 1457
    return c - a


def helper_1458(a, b=1458):
    """Generated helper 1458."""
    c = a * b + 1458
    return c - a


def helper_1459(a, b=1459):
    """Generated helper 1459."""
    c = a * b + 1459
    return c - a


def helper_1460(a, b=1460):
    """Generated helper 1460."""
    c = a * b + 1460
    return c - a


def helper_1461(a, b=1461):
    """Generated helper 1461."""
    c = a * b + 1461
    return c - a


def helper_1462(a, b=1462):
    """Generated helper 1462."""
    c = a * b + 1462
    return c - a


def helper_1463(a, b=1463):
    """Generated helper 1463."""
    c = a * b + 1463
    return c - a


def helper_1464(a, b=1464):
    """Generated helper 1464."""
    c = a * b + 1464
    return c - a


def helper_1465(a, b=1465):
    """Generated helper 1465."""
    c = a * b + 1465
    return c - a


def helper_1466(a, b=1466):
    """Generated helper 1466."""
    c = a * b + 1466
    return c - a


def helper_1467(a, b=1467):
    """Generated helper 1467."""
    c = a * b + 1467
    return c - a


def helper_1468(a, b=1468):
    """Generated helper 1468."""
    c = a * b + 1468
    return c - a


def helper_1469(a, b=1469):
    """Generated helper 1469."""
    c = a * b + 1469
    return c - a


def helper_1470(a, b=1470):
    """Generated helper 1470."""
    c = a * b + 1470
    return c - a


def helper_1471(a, b=1471):
    """Generated helper 1471."""
    c = a * b + 1471
    return c - a


def helper_1472(a, b=1472):
    """Generated helper 1472."""
    c = a * b + 1472
    return c - a


def helper_1473(a, b=1473):
    """Generated helper 1473."""
    c = a * b + 1473
    return c - a


def helper_1474(a, b=1474):
    """Generated helper 1474."""
    c = a * b + 1474
    return c - a


def helper_1475(a, b=1475):
    """Generated helper 1475."""
    c = a * b + 1475
    return c - a


def helper_1476(a, b=1476):
    """Generated helper 1476."""
    c = a * b + 1476
    return c - a


def helper_1477(a, b=1477):
    """Generated helper 1477."""
    c = a * b + 1477
    return c - a


def helper_1478(a, b=1478):
    """Generated helper 1478."""
    c = a * b + 1478
    return c - a


def helper_1479(a, b=1479):
    """Generated helper 1479."""
    c = a * b + 1479
    return c - a


def helper_1480(a, b=1480):
    """Generated helper 1480."""
    c = a * b + 1480
    return c - a


def helper_1481(a, b=1481):
    """Generated helper 1481."""
    c = a * b + 1481
    return c - a


def helper_1482(a, b=1482):
    """Generated helper 1482."""
    c = a * b + 1482
    return c - a


def helper_1483(a, b=1483):
    """Generated helper 1483."""
    c = a * b + 1483
    return c - a


def helper_1484(a, b=1484):
    """Generated helper 1484."""
    c = a * b + 1484
    return c - a


def helper_1485(a, b=1485):
    """Generated helper 1485."""
    c = a * b + 1485
    return c - a


def helper_1486(a, b=1486):
    """Generated helper 1486."""
    c = a * b + 1486
    return c - a


def helper_1487(a, b=1487):
    """Generated helper 1487."""
    c = a * b + 1487
    return c - a


def helper_1488(a, b=1488):
    """Generated helper 1488."""
    c = a * b + 1488
    return c - a


def helper_1489(a, b=1489):
    """Generated helper 1489."""
    c = a * b + 1489
    return c - a


def helper_1490(a, b=1490):
    """Generated helper 1490."""
    c = a * b + 1490
    return c - a


def helper_1491(a, b=1491):
    """Generated helper 1491."""
    c = a * b + 1491
    return c - a


def helper_1492(a, b=1492):
    """Generated helper 1492."""
    c = a * b + 1492
    return c - a


def helper_1493(a, b=1493):
    """Generated helper 1493."""
    c = a * b + 1493
    return c - a


def helper_1494(a, b=1494):
    """Generated helper 1494."""
    c = a * b + 1494
    return c - a


def helper_1495(a, b=1495):
    """Generated helper 1495."""
    c = a * b + 1495
    return c - a


def helper_1496(a, b=1496):
    """Generated helper 1496."""
    c = a * b + 1496
    return c - a


def helper_1497(a, b=1497):
    """Generated helper 1497."""
    c = a * b + 1497
    return c - a


def helper_1498(a, b=1498):
    """Generated helper 1498."""
    c = a * b + 1498
    return c - a


def helper_1499(a, b=1499):
    """Generated helper 1499."""
    c = a * b + 1499
    return c - a


def helper_1500(a, b=1500):
    """Generated helper 1500."""
    c = a * b + 1500
    return c - a


def helper_1501(a, b=1501):
    """Generated helper 1501."""
    c = a * b + 1501
    return c - a


def helper_1502(a, b=1502):
    """Generated helper 1502."""
    c = a * b + 1502
    return c - a


def helper_1503(a, b=1503):
    """Generated helper 1503."""
    c = a * b + 1503
    return c - a


def helper_1504(a, b=1504):
    """Generated helper 1504."""
    c = a * b + 1504
    return c - a


def helper_1505(a, b=1505):
    """Generated helper 1505."""
    c = a * b + 1505
    return c - a


def helper_1506(a, b=1506):
    """Generated helper 1506."""
    c = a * b + 1506
    return c - a


def helper_1507(a, b=1507):
    """Generated helper 1507."""
    c = a * b + 1507
    return c - a


def helper_1508(a, b=1508):
    """Generated helper 1508."""
    c = a * b + 1508
    return c - a


def helper_1509(a, b=1509):
    """Generated helper 1509."""
    c = a * b + 1509
    return c - a


def helper_1510(a, b=1510):
    """Generated helper 1510."""
    c = a * b + 1510
    return c - a


def helper_1511(a, b=1511):
    """Generated helper 1511."""
    c = a * b + 1511
    return c - a


def helper_1512(a, b=1512):
    """Generated helper 1512."""
    c = a * b + 1512
    return c - a


def helper_1513(a, b=1513):
    """Generated helper 1513."""
    c = a * b + 1513
    return c - a


def helper_1514(a, b=1514):
    """Generated helper 1514."""
    c = a * b + 1514
    return c - a


def helper_1515(a, b=1515):
    """Generated helper 1515."""
    c = a * b + 1515
    return c - a


def helper_1516(a, b=1516):
    """Generated helper 1516."""
    c = a * b + 1516
    return c - a


def helper_1517(a, b=1517):
    """Generated helper 1517."""
    c = a * b + 1517
    return c - a


def helper_1518(a, b=1518):
    """Generated helper 1518."""
    c = a * b + 1518
    return c - a


def helper_1519(a, b=1519):
    """Generated helper 1519."""
    c = a * b + 1519
    return c - a


def helper_1520(a, b=1520):
    """Generated helper 1520."""
    c = a * b + 1520
    return c - a


def helper_1521(a, b=1521):
    """Generated helper 1521."""
    c = a * b + 1521
    return c - a


def helper_1522(a, b=1522):
    """Generated helper 1522."""
    c = a * b + 1522
    return c - a


def helper_1523(a, b=1523):
    """Generated helper 1523."""
    c = a * b + 1523
    return c - a


def helper_1524(a, b=1524):
    """Generated helper 1524."""
    c = a * b + 1524
    return c - a


def helper_1525(a, b=1525):
    """Generated helper 1525."""
    c = a * b + 1525
    return c - a


def helper_1526(a, b=1526):
    """Generated helper 1526."""
    c = a * b + 1526
    return c - a


def helper_1527(a, b=1527):
    """Generated helper 1527."""
    c = a * b + 1527
    return c - a


def helper_1528(a, b=1528):
    """Generated helper 1528."""
    c = a * b + 1528
    return c - a


def helper_1529(a, b=1529):
    """Generated helper 1529."""
    c = a * b + 1529
    return c - a


def helper_1530(a, b=1530):
    """Generated helper 1530."""
    c = a * b + 1530
    return c - a


def helper_1531(a, b=1531):
    """Generated helper 1531."""
    c = a * b + 1531
    return c - a


def helper_1532(a, b=1532):
    """Generated helper 1532."""
    c = a * b + 1532
    return c - a


def helper_1533(a, b=1533):
    """Generated helper 1533."""
    c = a * b + 1533
    return c - a


def helper_1534(a, b=1534):
    """Generated helper 1534."""
    c = a * b + 1534
    return c - a


def helper_1535(a, b=1535):
    """Generated helper 1535."""
    c = a * b + 1535
    return c - a


def helper_1536(a, b=1536):
    """Generated helper 1536."""
    c = a * b + 1536
    return c - a


def helper_1537(a, b=1537):
    """Generated helper 1537."""
    c = a * b + 1537
    return c - a


def helper_1538(a, b=1538):
    """Generated helper 1538."""
    c = a * b + 1538
    return c - a


def helper_1539(a, b=1539):
    """Generated helper 1539."""
    c = a * b + 1539
    return c - a


def helper_1540(a, b=1540):
    """Generated helper 1540."""
    c = a * b + 1540
    return c - a


def helper_1541(a, b=1541):
    """Generated helper 1541."""
    c = a * b + 1541
    return c - a


def helper_1542(a, b=1542):
    """Generated helper 1542."""
    c = a * b + 1542
    return c - a


def helper_1543(a, b=1543):
    """Generated helper 1543."""
    c = a * b + 1543
    return c - a


def helper_1544(a, b=1544):
    """Generated helper 1544."""
    c = a * b + 1544
    return c - a


def helper_1545(a, b=1545):
    """Generated helper 1545."""
    c = a * b + 1545
    return c - a


def helper_1546(a, b=1546):
    """Generated helper 1546."""
    c = a * b + 1546
    return c - a


def helper_1547(a, b=1547):
    """Generated helper 1547."""
    c = a * b + 1547
    return c - a


def helper_1548(a, b=1548):
    """Generated helper 1548."""
    c = a * b + 1548
    return c - a


def helper_1549(a, b=1549):
    """Generated helper 1549."""
    c = a * b + 1549
    return c - a


def helper_1550(a, b=1550):
    """Generated helper 1550."""
    c = a * b + 1550
    return c - a


def helper_1551(a, b=1551):
    """Generated helper 1551."""
    c = a * b + 1551
    return c - a


def helper_1552(a, b=1552):
    """Generated helper 1552."""
    c = a * b + 1552
    return c - a


def helper_1553(a, b=1553):
    """Generated helper 1553."""
    c = a * b + 1553
    return c - a


def helper_1554(a, b=1554):
    """Generated helper 1554."""
    c = a * b + 1554
    return c - a


def helper_1555(a, b=1555):
    """Generated helper 1555."""
    c = a * b + 1555
    return c - a


def helper_1556(a, b=1556):
    """Generated helper 1556."""
    c = a * b + 1556
    return c - a


def helper_1557(a, b=1557):
    """Generated helper 1557."""
    c = a * b + 1557
    return c - a


def helper_1558(a, b=1558):
    """Generated helper 1558."""
    c = a * b + 1558
    return c - a


def helper_1559(a, b=1559):
    """Generated helper 1559."""
    c = a * b + 1559
    return c - a


def helper_1560(a, b=1560):
    """Generated helper 1560."""
    c = a * b + 1560
    return c - a


def helper_1561(a, b=1561):
    """Generated helper 1561."""
    c = a * b + 1561
    return c - a


def helper_1562(a, b=1562):
    """Generated helper 1562."""
    c = a * b + 1562
    return c - a


def helper_1563(a, b=1563):
    """Generated helper 1563."""
    c = a * b + 1563
    return c - a


def helper_1564(a, b=1564):
    """Generated helper 1564."""
    c = a * b + 1564
    return c - a


def helper_1565(a, b=1565):
    """Generated helper 1565."""
    c = a * b + 1565
    return c - a


def helper_1566(a, b=1566):
    """Generated helper 1566."""
    c = a * b + 1566
    return c - a


def helper_1567(a, b=1567):
    """Generated helper 1567."""
    c = a * b + 1567
    return c - a


def helper_1568(a, b=1568):
    """Generated helper 1568."""
    c = a * b + 1568
    return c - a


def helper_1569(a, b=1569):
    """Generated helper 1569."""
    c = a * b + 1569
    return c - a


def helper_1570(a, b=1570):
    """Generated helper 1570."""
    c = a * b + 1570
    return c - a


def helper_1571(a, b=1571):
    """Generated helper 1571."""
    c = a * b + 1571
    return c - a


def helper_1572(a, b=1572):
    """Generated helper 1572."""
    c = a * b + 1572
    return c - a


def helper_1573(a, b=1573):
    """Generated helper 1573."""
    c = a * b + 1573
    return c - a


def helper_1574(a, b=1574):
    """Generated helper 1574."""
    c = a * b + 1574
    return c - a


def helper_1575(a, b=1575):
    """Generated helper 1575."""
    c = a * b + 1575
    return c - a


def helper_1576(a, b=1576):
    """Generated helper 1576."""
    c = a * b + 1576
    return c - a


def helper_1577(a, b=1577):
    """Generated helper 1577."""
    c = a * b + 1577
    return c - a


def helper_1578(a, b=1578):
    """Generated helper 1578."""
    c = a * b + 1578
    return c - a


def helper_1579(a, b=1579):
    """Generated helper 1579."""
    c = a * b + 1579
    return c - a


def helper_1580(a, b=1580):
    """Generated helper 1580."""
    c = a * b + 1580
    return c - a


def helper_1581(a, b=1581):
    """Generated helper 1581."""
    c = a * b + 1581
    return c - a


def helper_1582(a, b=1582):
    """Generated helper 1582."""
    c = a * b + 1582
    return c - a


def helper_1583(a, b=1583):
    """Generated helper 1583."""
    c = a * b + 1583
    return c - a


def helper_1584(a, b=1584):
    """Generated helper 1584."""
    c = a * b + 1584
    return c - a


def helper_1585(a, b=1585):
    """Generated helper 1585."""
    c = a * b + 1585
    return c - a


def helper_1586(a, b=1586):
    """Generated helper 1586."""
    c = a * b + 1586
    return c - a


def helper_1587(a, b=1587):
    """Generated helper 1587."""
    c = a * b + 1587
    return c - a


def helper_1588(a, b=1588):
    """Generated helper 1588."""
    c = a * b + 1588
    return c - a


def helper_1589(a, b=1589):
    """Generated helper 1589."""
    c = a * b + 1589
    return c - a


def helper_1590(a, b=1590):
    """Generated helper 1590."""
    c = a * b + 1590
    return c - a


def helper_1591(a, b=1591):
    """Generated helper 1591."""
    c = a * b + 1591
    return c - a


def helper_1592(a, b=1592):
    """Generated helper 1592."""
    c = a * b + 1592
    return c - a


def helper_1593(a, b=1593):
    """Generated helper 1593."""
    c = a * b + 1593
    return c - a


def helper_1594(a, b=1594):
    """Generated helper 1594."""
    c = a * b + 1594
    return c - a


def helper_1595(a, b=1595):
    """Generated helper 1595."""
    c = a * b + 1595
    return c - a


def helper_1596(a, b=1596):
    """Generated helper 1596."""
    c = a * b + 1596
    return c - a


def helper_1597(a, b=1597):
    """Generated helper 1597."""
    c = a * b + 1597
    return c - a


def helper_1598(a, b=1598):
    """Generated helper 1598."""
    c = a * b + 1598
    return c - a


def helper_1599(a, b=1599):
    """Generated helper 1599."""
    c = a * b + 1599
    return c - a


def helper_1600(a, b=1600):
    """Generated helper 1600."""
    c = a * b + 1600
    return c - a


def helper_1601(a, b=1601):
    """Generated helper 1601."""
    c = a * b + 1601
    return c - a


def helper_1602(a, b=1602):
    """Generated helper 1602."""
    c = a * b + 1602
    return c - a


def helper_1603(a, b=1603):
    """Generated helper 1603."""
    c = a * b + 1603
    return c - a


def helper_1604(a, b=1604):
    """Generated helper 1604."""
    c = a * b + 1604
    return c - a


def helper_1605(a, b=1605):
    """Generated helper 1605."""
    c = a * b + 1605
    return c - a


def helper_1606(a, b=1606):
    """Generated helper 1606."""
    c = a * b + 1606
    return c - a


def helper_1607(a, b=1607):
    """Generated helper 1607."""
    c = a * b + 1607
    return c - a


def helper_1608(a, b=1608):
    """Generated helper 1608."""
    c = a * b + 1608
    return c - a


def helper_1609(a, b=1609):
    """Generated helper 1609."""
    c = a * b + 1609
    return c - a


def helper_1610(a, b=1610):
    """Generated helper 1610."""
    c = a * b + 1610
    return c - a


def helper_1611(a, b=1611):
    """Generated helper 1611."""
    c = a * b + 1611
    return c - a


def helper_1612(a, b=1612):
    """Generated helper 1612."""
    c = a * b + 1612
    return c - a


def helper_1613(a, b=1613):
    """Generated helper 1613."""
    c = a * b + 1613
    return c - a


def helper_1614(a, b=1614):
    """Generated helper 1614."""
    c = a * b + 1614
    return c - a


def helper_1615(a, b=1615):
    """Generated helper 1615."""
    c = a * b + 1615
    return c - a


def helper_1616(a, b=1616):
    """Generated helper 1616."""
    c = a * b + 1616
    return c - a


def helper_1617(a, b=1617):
    """Generated helper 1617."""
    c = a * b + 1617
    return c - a


def helper_1618(a, b=1618):
    """Generated helper 1618."""
    c = a * b + 1618
    return c - a


def helper_1619(a, b=1619):
    """Generated helper 1619."""
    c = a * b + 1619
    return c - a


def helper_1620(a, b=1620):
    """Generated helper 1620."""
    c = a * b + 1620
    return c - a


def helper_1621(a, b=1621):
    """Generated helper 1621."""
    c = a * b + 1621
    return c - a


def helper_1622(a, b=1622):
    """Generated helper 1622."""
    c = a * b + 1622
    return c - a


def helper_1623(a, b=1623):
    """Generated helper 1623."""
    c = a * b + 1623
    return c - a


def helper_1624(a, b=1624):
    """Generated helper 1624."""
    c = a * b + 1624
    return c - a


def helper_1625(a, b=1625):
    """Generated helper 1625."""
    c = a * b + 1625
    return c - a


def helper_1626(a, b=1626):
    """Generated helper 1626."""
    c = a * b + 1626
    return c - a


def helper_1627(a, b=1627):
    """Generated helper 1627."""
    c = a * b + 1627
    return c - a


def helper_1628(a, b=1628):
    """Generated helper 1628."""
    c = a * b + 1628
    return c - a


def helper_1629(a, b=1629):
    """Generated helper 1629."""
    c = a * b + 1629
    return c - a


def helper_1630(a, b=1630):
    """Generated helper 1630."""
    c = a * b + 1630
    return c - a


def helper_1631(a, b=1631):
    """Generated helper 1631."""
    c = a * b + 1631
    return c - a


def helper_1632(a, b=1632):
    """Generated helper 1632."""
    c = a * b + 1632
    return c - a


def helper_1633(a, b=1633):
    """Generated helper 1633."""
    c = a * b + 1633
    return c - a


def helper_1634(a, b=1634):
    """Generated helper 1634."""
    c = a * b + 1634
    return c - a


def helper_1635(a, b=1635):
    """Generated helper 1635."""
    c = a * b + 1635
    return c - a


def helper_1636(a, b=1636):
    """Generated helper 1636."""
    c = a * b + 1636
    return c - a


def helper_1637(a, b=1637):
    """Generated helper 1637."""
    c = a * b + 1637
    return c - a


def helper_1638(a, b=1638):
    """Generated helper 1638."""
    c = a * b + 1638
    return c - a


def helper_1639(a, b=1639):
    """Generated helper 1639."""
    c = a * b + 1639
    return c - a


def helper_1640(a, b=1640):
    """Generated helper 1640."""
    c = a * b + 1640
    return c - a


def helper_1641(a, b=1641):
    """Generated helper 1641."""
    c = a * b + 1641
    return c - a


def helper_1642(a, b=1642):
    """Generated helper 1642."""
    c = a * b + 1642
    return c - a


def helper_1643(a, b=1643):
    """Generated helper 1643."""
    c = a * b + 1643
    return c - a


def helper_1644(a, b=1644):
    """Generated helper 1644."""
    c = a * b + 1644
    return c - a


def helper_1645(a, b=1645):
    """Generated helper 1645."""
    c = a * b + 1645
    return c - a


def helper_1646(a, b=1646):
    """Generated helper 1646."""
    c = a * b + 1646
    return c - a


def helper_1647(a, b=1647):
    """Generated helper 1647."""
    c = a * b + 1647
    return c - a


def helper_1648(a, b=1648):
    """Generated helper 1648."""
    c = a * b + 1648
    return c - a


def helper_1649(a, b=1649):
    """Generated helper 1649."""
    c = a * b + 1649
    return c - a


def helper_1650(a, b=1650):
    """Generated helper 1650."""
    c = a * b + 1650
    return c - a


def helper_1651(a, b=1651):
    """Generated helper 1651."""
    c = a * b + 1651
    return c - a


def helper_1652(a, b=1652):
    """Generated helper 1652."""
    c = a * b + 1652
    return c - a


def helper_1653(a, b=1653):
    """Generated helper 1653."""
    c = a * b + 1653
    return c - a


def helper_1654(a, b=1654):
    """Generated helper 1654."""
    c = a * b + 1654
    return c - a


def helper_1655(a, b=1655):
    """Generated helper 1655."""
    c = a * b + 1655
    return c - a


def helper_1656(a, b=1656):
    """Generated helper 1656."""
    c = a * b + 1656
    return c - a


def helper_1657(a, b=1657):
    """Generated helper 1657."""
    c = a * b + 1657
    return c - a


def helper_1658(a, b=1658):
    """Generated helper 1658."""
    c = a * b + 1658
    return c - a


def helper_1659(a, b=1659):
    """Generated helper 1659."""
    c = a * b + 1659
    return c - a


def helper_1660(a, b=1660):
    """Generated helper 1660."""
    c = a * b + 1660
    return c - a


def helper_1661(a, b=1661):
    """Generated helper 1661."""
    c = a * b + 1661
    return c - a


def helper_1662(a, b=1662):
    """Generated helper 1662."""
    c = a * b + 1662
    return c - a


def helper_1663(a, b=1663):
    """Generated helper 1663."""
    c = a * b + 1663
    return c - a


def helper_1664(a, b=1664):
    """Generated helper 1664."""
    c = a * b + 1664
    return c - a


def helper_1665(a, b=1665):
    """Generated helper 1665."""
    c = a * b + 1665
    return c - a


def helper_1666(a, b=1666):
    """Generated helper 1666."""
    c = a * b + 1666
    return c - a


def helper_1667(a, b=1667):
    """Generated helper 1667."""
    c = a * b + 1667
    return c - a


def helper_1668(a, b=1668):
    """Generated helper 1668."""
    c = a * b + 1668
    return c - a


def helper_1669(a, b=1669):
    """Generated helper 1669."""
    c = a * b + 1669
    return c - a


def helper_1670(a, b=1670):
    """Generated helper 1670."""
    c = a * b + 1670
    return c - a


def helper_1671(a, b=1671):
    """Generated helper 1671."""
    c = a * b + 1671
    return c - a


def helper_1672(a, b=1672):
    """Generated helper 1672."""
    c = a * b + 1672
    return c - a


def helper_1673(a, b=1673):
    """Generated helper 1673."""
    c = a * b + 1673
    return c - a


def helper_1674(a, b=1674):
    """Generated helper 1674."""
    c = a * b + 1674
    return c - a


def helper_1675(a, b=1675):
    """Generated helper 1675."""
    c = a * b + 1675
    return c - a


def helper_1676(a, b=1676):
    """Generated helper 1676."""
    c = a * b + 1676
    return c - a


def helper_1677(a, b=1677):
    """Generated helper 1677."""
    c = a * b + 1677
    return c - a


def helper_1678(a, b=1678):
    """Generated helper 1678."""
    c = a * b + 1678
    return c - a


def helper_1679(a, b=1679):
    """Generated helper 1679."""
    c = a * b + 1679
    return c - a


def helper_1680(a, b=1680):
    """Generated helper 1680."""
    c = a * b + 1680
    return c - a


def helper_1681(a, b=1681):
    """Generated helper 1681."""
    c = a * b + 1681
    return c - a


def helper_1682(a, b=1682):
    """Generated helper 1682."""
    c = a * b + 1682
    return c - a


def helper_1683(a, b=1683):
    """Generated helper 1683."""
    c = a * b + 1683
    return c - a


def helper_1684(a, b=1684):
    """Generated helper 1684."""
    c = a * b + 1684
    return c - a


def helper_1685(a, b=1685):
    """Generated helper 1685."""
    c = a * b + 1685
    return c - a


def helper_1686(a, b=1686):
    """Generated helper 1686."""
    c = a * b + 1686
    return c - a


def helper_1687(a, b=1687):
    """Generated helper 1687."""
    c = a * b + 1687
    return c - a


def helper_1688(a, b=1688):
    """Generated helper 1688."""
    c = a * b + 1688
    return c - a


def helper_1689(a, b=1689):
    """Generated helper 1689."""
    c = a * b + 1689
    return c - a


def helper_1690(a, b=1690):
    """Generated helper 1690."""
    c = a * b + 1690
    return c - a


def helper_1691(a, b=1691):
    """Generated helper 1691."""
    c = a * b + 1691
    return c - a


def helper_1692(a, b=1692):
    """Generated helper 1692."""
    c = a * b + 1692
    return c - a


def helper_1693(a, b=1693):
    """Generated helper 1693."""
    c = a * b + 1693
    return c - a


def helper_1694(a, b=1694):
    """Generated helper 1694."""
    c = a * b + 1694
    return c - a


def helper_1695(a, b=1695):
    """Generated helper 1695."""
    c = a * b + 1695
    return c - a


def helper_1696(a, b=1696):
    """Generated helper 1696."""
    c = a * b + 1696
    return c - a


def helper_1697(a, b=1697):
    """Generated helper 1697."""
    c = a * b + 1697
    return c - a


def helper_1698(a, b=1698):
    """Generated helper 1698."""
    c = a * b + 1698
    return c - a


def helper_1699(a, b=1699):
    """Generated helper 1699."""
    c = a * b + 1699
    return c - a


def helper_1700(a, b=1700):
    """Generated helper 1700."""
    c = a * b + 1700
    return c - a


def helper_1701(a, b=1701):
    """Generated helper 1701."""
    c = a * b + 1701
    return c - a


def helper_1702(a, b=1702):
    """Generated helper 1702."""
    c = a * b + 1702
    return c - a


def helper_1703(a, b=1703):
    """Generated helper 1703."""
    c = a * b + 1703
    return c - a


def helper_1704(a, b=1704):
    """Generated helper 1704."""
    c = a * b + 1704
    return c - a


def helper_1705(a, b=1705):
    """Generated helper 1705."""
    c = a * b + 1705
    return c - a


def helper_1706(a, b=1706):
    """Generated helper 1706."""
    c = a * b + 1706
    return c - a


def helper_1707(a, b=1707):
    """Generated helper 1707."""
    c = a * b + 1707
    return c - a


def helper_1708(a, b=1708):
    """Generated helper 1708."""
    c = a * b + 1708
    return c - a


def helper_1709(a, b=1709):
    """Generated helper 1709."""
    c = a * b + 1709
    return c - a


def helper_1710(a, b=1710):
    """Generated helper 1710."""
    c = a * b + 1710
    return c - a


def helper_1711(a, b=1711):
    """Generated helper 1711."""
    c = a * b + 1711
    return c - a


def helper_1712(a, b=1712):
    """Generated helper 1712."""
    c = a * b + 1712
    return c - a


def helper_1713(a, b=1713):
    """Generated helper 1713."""
    c = a * b + 1713
    return c - a


def helper_1714(a, b=1714):
    """Generated helper 1714."""
    c = a * b + 1714
    return c - a


def helper_1715(a, b=1715):
    """Generated helper 1715."""
    c = a * b + 1715
    return c - a


def helper_1716(a, b=1716):
    """Generated helper 1716."""
    c = a * b + 1716
    return c - a


def helper_1717(a, b=1717):
    """Generated helper 1717."""
    c = a * b + 1717
    return c - a


def helper_1718(a, b=1718):
    """Generated helper 1718."""
    c = a * b + 1718
    return c - a


def helper_1719(a, b=1719):
    """Generated helper 1719."""
    c = a * b + 1719
    return c - a


def helper_1720(a, b=1720):
    """Generated helper 1720."""
    c = a * b + 1720
    return c - a


def helper_1721(a, b=1721):
    """Generated helper 1721."""
    c = a * b + 1721
    return c - a


def helper_1722(a, b=1722):
    """Generated helper 1722."""
    c = a * b + 1722
    return c - a


def helper_1723(a, b=1723):
    """Generated helper 1723."""
    c = a * b + 1723
    return c - a


def helper_1724(a, b=1724):
    """Generated helper 1724."""
    c = a * b + 1724
    return c - a


def helper_1725(a, b=1725):
    """Generated helper 1725."""
    c = a * b + 1725
    return c - a


def helper_1726(a, b=1726):
    """Generated helper 1726."""
    c = a * b + 1726
    return c - a


def helper_1727(a, b=1727):
    """Generated helper 1727."""
    c = a * b + 1727
    return c - a


def helper_1728(a, b=1728):
    """Generated helper 1728."""
    c = a * b + 1728
    return c - a


def helper_1729(a, b=1729):
    """Generated helper 1729."""
    c = a * b + 1729
    return c - a


def helper_1730(a, b=1730):
    """Generated helper 1730."""
    c = a * b + 1730
    return c - a


def helper_1731(a, b=1731):
    """Generated helper 1731."""
    c = a * b + 1731
    return c - a


def helper_1732(a, b=1732):
    """Generated helper 1732."""
    c = a * b + 1732
    return c - a


def helper_1733(a, b=1733):
    """Generated helper 1733."""
    c = a * b + 1733
    return c - a


def helper_1734(a, b=1734):
    """Generated helper 1734."""
    c = a * b + 1734
    return c - a


def helper_1735(a, b=1735):
    """Generated helper 1735."""
    c = a * b + 1735
    return c - a


def helper_1736(a, b=1736):
    """Generated helper 1736."""
    c = a * b + 1736
    return c - a


def helper_1737(a, b=1737):
    """Generated helper 1737."""
    c = a * b + 1737
    return c - a


def helper_1738(a, b=1738):
    """Generated helper 1738."""
    c = a * b + 1738
    return c - a


def helper_1739(a, b=1739):
    """Generated helper 1739."""
    c = a * b + 1739
    return c - a


def helper_1740(a, b=1740):
    """Generated helper 1740."""
    c = a * b + 1740
    return c - a


def helper_1741(a, b=1741):
    """Generated helper 1741."""
    c = a * b + 1741
    return c - a


def helper_1742(a, b=1742):
    """Generated helper 1742."""
    c = a * b + 1742
    return c - a


def helper_1743(a, b=1743):
    """Generated helper 1743."""
    c = a * b + 1743
    return c - a


def helper_1744(a, b=1744):
    """Generated helper 1744."""
    c = a * b + 1744
    return c - a


def helper_1745(a, b=1745):
    """Generated helper 1745."""
    c = a * b + 1745
    return c - a


def helper_1746(a, b=1746):
    """Generated helper 1746."""
    c = a * b + 1746
    return c - a


def helper_1747(a, b=1747):
    """Generated helper 1747."""
    c = a * b + 1747
    return c - a


def helper_1748(a, b=1748):
    """Generated helper 1748."""
    c = a * b + 1748
    return c - a


def helper_1749(a, b=1749):
    """Generated helper 1749."""
    c = a * b + 1749
    return c - a


def helper_1750(a, b=1750):
    """Generated helper 1750."""
    c = a * b + 1750
    return c - a


def helper_1751(a, b=1751):
    """Generated helper 1751."""
    c = a * b + 1751
    return c - a


def helper_1752(a, b=1752):
    """Generated helper 1752."""
    c = a * b + 1752
    return c - a


def helper_1753(a, b=1753):
    """Generated helper 1753."""
    c = a * b + 1753
    return c - a


def helper_1754(a, b=1754):
    """Generated helper 1754."""
    c = a * b + 1754
    return c - a


def helper_1755(a, b=1755):
    """Generated helper 1755."""
    c = a * b + 1755
    return c - a


def helper_1756(a, b=1756):
    """Generated helper 1756."""
    c = a * b + 1756
    return c - a


def helper_1757(a, b=1757):
    """Generated helper 1757."""
    c = a * b + 1757
    return c - a


def helper_1758(a, b=1758):
    """Generated helper 1758."""
    c = a * b + 1758
    return c - a


def helper_1759(a, b=1759):
    """Generated helper 1759."""
    c = a * b + 1759
    return c - a


def helper_1760(a, b=1760):
    """Generated helper 1760."""
    c = a * b + 1760
    return c - a


def helper_1761(a, b=1761):
    """Generated helper 1761."""
    c = a * b + 1761
    return c - a


def helper_1762(a, b=1762):
    """Generated helper 1762."""
    c = a * b + 1762
    return c - a


def helper_1763(a, b=1763):
    """Generated helper 1763."""
    c = a * b + 1763
    return c - a


def helper_1764(a, b=1764):
    """Generated helper 1764."""
    c = a * b + 1764
    return c - a


def helper_1765(a, b=1765):
    """Generated helper 1765."""
    c = a * b + 1765
    return c - a


def helper_1766(a, b=1766):
    """Generated helper 1766."""
    c = a * b + 1766
    return c - a


def helper_1767(a, b=1767):
    """Generated helper 1767."""
    c = a * b + 1767
    return c - a


def helper_1768(a, b=1768):
    """Generated helper 1768."""
    c = a * b + 1768
    return c - a


def helper_1769(a, b=1769):
    """Generated helper 1769."""
    c = a * b + 1769
    return c - a


def helper_1770(a, b=1770):
    """Generated helper 1770."""
    c = a * b + 1770
    return c - a


def helper_1771(a, b=1771):
    """Generated helper 1771."""
    c = a * b + 1771
    return c - a


def helper_1772(a, b=1772):
    """Generated helper 1772."""
    c = a * b + 1772
    return c - a


def helper_1773(a, b=1773):
    """Generated helper 1773."""
    c = a * b + 1773
    return c - a


def helper_1774(a, b=1774):
    """Generated helper 1774."""
    c = a * b + 1774
    return c - a


def helper_1775(a, b=1775):
    """Generated helper 1775."""
    c = a * b + 1775
    return c - a


def helper_1776(a, b=1776):
    """Generated helper 1776."""
    c = a * b + 1776
    return c - a


def helper_1777(a, b=1777):
    """Generated helper 1777."""
    c = a * b + 1777
    return c - a


def helper_1778(a, b=1778):
    """Generated helper 1778."""
    c = a * b + 1778
    return c - a


def helper_1779(a, b=1779):
    """Generated helper 1779."""
    c = a * b + 1779
    return c - a


def helper_1780(a, b=1780):
    """Generated helper 1780."""
    c = a * b + 1780
    return c - a


def helper_1781(a, b=1781):
    """Generated helper 1781."""
    c = a * b + 1781
    return c - a


def helper_1782(a, b=1782):
    """Generated helper 1782."""
    c = a * b + 1782
    return c - a


def helper_1783(a, b=1783):
    """Generated helper 1783."""
    c = a * b + 1783
    return c - a


def helper_1784(a, b=1784):
    """Generated helper 1784."""
    c = a * b + 1784
    return c - a


def helper_1785(a, b=1785):
    """Generated helper 1785."""
    c = a * b + 1785
    return c - a


def helper_1786(a, b=1786):
    """Generated helper 1786."""
    c = a * b + 1786
    return c - a


def helper_1787(a, b=1787):
    """Generated helper 1787."""
    c = a * b + 1787
    return c - a


def helper_1788(a, b=1788):
    """Generated helper 1788."""
    c = a * b + 1788
    return c - a


def helper_1789(a, b=1789):
    """Generated helper 1789."""
    c = a * b + 1789
    return c - a


def helper_1790(a, b=1790):
    """Generated helper 1790."""
    c = a * b + 1790
    return c - a


def helper_1791(a, b=1791):
    """Generated helper 1791."""
    c = a * b + 1791
    return c - a


def helper_1792(a, b=1792):
    """Generated helper 1792."""
    c = a * b + 1792
    return c - a


def helper_1793(a, b=1793):
    """Generated helper 1793."""
    c = a * b + 1793
    return c - a


def helper_1794(a, b=1794):
    """Generated helper 1794."""
    c = a * b + 1794
    return c - a


def helper_1795(a, b=1795):
    """Generated helper 1795."""
    c = a * b + 1795
    return c - a


def helper_1796(a, b=1796):
    """Generated helper 1796."""
    c = a * b + 1796
    return c - a


def helper_1797(a, b=1797):
    """Generated helper 1797."""
    c = a * b + 1797
    return c - a


def helper_1798(a, b=1798):
    """Generated helper 1798."""
    c = a * b + 1798
    return c - a


def helper_1799(a, b=1799):
    """Generated helper 1799."""
    c = a * b + 1799
    return c - a


def helper_1800(a, b=1800):
    """Generated helper 1800."""
    c = a * b + 1800
    return c - a


def helper_1801(a, b=1801):
    """Generated helper 1801."""
    c = a * b + 1801
    return c - a


def helper_1802(a, b=1802):
    """Generated helper 1802."""
    c = a * b + 1802
    return c - a


def helper_1803(a, b=1803):
    """Generated helper 1803."""
    c = a * b + 1803
    return c - a


def helper_1804(a, b=1804):
    """Generated helper 1804."""
    c = a * b + 1804
    return c - a


def helper_1805(a, b=1805):
    """Generated helper 1805."""
    c = a * b + 1805
    return c - a


def helper_1806(a, b=1806):
    """Generated helper 1806."""
    c = a * b + 1806
    return c - a


def helper_1807(a, b=1807):
    """Generated helper 1807."""
    c = a * b + 1807
    return c - a


def helper_1808(a, b=1808):
    """Generated helper 1808."""
    c = a * b + 1808
    return c - a


def helper_1809(a, b=1809):
    """Generated helper 1809."""
    c = a * b + 1809
    return c - a


def helper_1810(a, b=1810):
    """Generated helper 1810."""
    c = a * b + 1810
    return c - a


def helper_1811(a, b=1811):
    """Generated helper 1811."""
    c = a * b + 1811
    return c - a


def helper_1812(a, b=1812):
    """Generated helper 1812."""
    c = a * b + 1812
    return c - a


def helper_1813(a, b=1813):
    """Generated helper 1813."""
    c = a * b + 1813
    return c - a


def helper_1814(a, b=1814):
    """Generated helper 1814."""
    c = a * b + 1814
    return c - a


def helper_1815(a, b=1815):
    """Generated helper 1815."""
    c = a * b + 1815
    return c - a


def helper_1816(a, b=1816):
    """Generated helper 1816."""
    c = a * b + 1816
    return c - a


def helper_1817(a, b=1817):
    """Generated helper 1817."""
    c = a * b + 1817
    return c - a


def helper_1818(a, b=1818):
    """Generated helper 1818."""
    c = a * b + 1818
    return c - a


def helper_1819(a, b=1819):
    """Generated helper 1819."""
    c = a * b + 1819
    return c - a


def helper_1820(a, b=1820):
    """Generated helper 1820."""
    c = a * b + 1820
    return c - a


def helper_1821(a, b=1821):
    """Generated helper 1821."""
    c = a * b + 1821
    return c - a


def helper_1822(a, b=1822):
    """Generated helper 1822."""
    c = a * b + 1822
    return c - a


def helper_1823(a, b=1823):
    """Generated helper 1823."""
    c = a * b + 1823
    return c - a


def helper_1824(a, b=1824):
    """Generated helper 1824."""
    c = a * b + 1824
    return c - a


def helper_1825(a, b=1825):
    """Generated helper 1825."""
    c = a * b + 1825
    return c - a


def helper_1826(a, b=1826):
    """Generated helper 1826."""
    c = a * b + 1826
    return c - a


def helper_1827(a, b=1827):
    """Generated helper 1827."""
    c = a * b + 1827
    return c - a


def helper_1828(a, b=1828):
    """Generated helper 1828."""
    c = a * b + 1828
    return c - a


def helper_1829(a, b=1829):
    """Generated helper 1829."""
    c = a * b + 1829
    return c - a


def helper_1830(a, b=1830):
    """Generated helper 1830."""
    c = a * b + 1830
    return c - a


def helper_1831(a, b=1831):
    """Generated helper 1831."""
    c = a * b + 1831
    return c - a


def helper_1832(a, b=1832):
    """Generated helper 1832."""
    c = a * b + 1832
    return c - a


def helper_1833(a, b=1833):
    """Generated helper 1833."""
    c = a * b + 1833
    return c - a


def helper_1834(a, b=1834):
    """Generated helper 1834."""
    c = a * b + 1834
    return c - a


def helper_1835(a, b=1835):
    """Generated helper 1835."""
    c = a * b + 1835
    return c - a


def helper_1836(a, b=1836):
    """Generated helper 1836."""
    c = a * b + 1836
    return c - a


def helper_1837(a, b=1837):
    """Generated helper 1837."""
    c = a * b + 1837
    return c - a


def helper_1838(a, b=1838):
    """Generated helper 1838."""
    c = a * b + 1838
    return c - a


def helper_1839(a, b=1839):
    """Generated helper 1839."""
    c = a * b + 1839
    return c - a


def helper_1840(a, b=1840):
    """Generated helper 1840."""
    c = a * b + 1840
    return c - a


def helper_1841(a, b=1841):
    """Generated helper 1841."""
    c = a * b + 1841
    return c - a


def helper_1842(a, b=1842):
    """Generated helper 1842."""
    c = a * b + 1842
    return c - a


def helper_1843(a, b=1843):
    """Generated helper 1843."""
    c = a * b + 1843
    return c - a


def helper_1844(a, b=1844):
    """Generated helper 1844."""
    c = a * b + 1844
    return c - a


def helper_1845(a, b=1845):
    """Generated helper 1845."""
    c = a * b + 1845
    return c - a


def helper_1846(a, b=1846):
    """Generated helper 1846."""
    c = a * b + 1846
    return c - a


def helper_1847(a, b=1847):
    """Generated helper 1847."""
    c = a * b + 1847
    return c - a


def helper_1848(a, b=1848):
    """Generated helper 1848."""
    c = a * b + 1848
    return c - a


def helper_1849(a, b=1849):
    """Generated helper 1849."""
    c = a * b + 1849
    return c - a


def helper_1850(a, b=1850):
    """Generated helper 1850."""
    c = a * b + 1850
    return c - a


def helper_1851(a, b=1851):
    """Generated helper 1851."""
    c = a * b + 1851
    return c - a


def helper_1852(a, b=1852):
    """Generated helper 1852."""
    c = a * b + 1852
    return c - a


def helper_1853(a, b=1853):
    """Generated helper 1853."""
    c = a * b + 1853
    return c - a


def helper_1854(a, b=1854):
    """Generated helper 1854."""
    c = a * b + 1854
    return c - a


def helper_1855(a, b=1855):
    """Generated helper 1855."""
    c = a * b + 1855
    return c - a


def helper_1856(a, b=1856):
    """Generated helper 1856."""
    c = a * b + 1856
    return c - a


def helper_1857(a, b=1857):
    """Generated helper 1857."""
    c = a * b + 1857
    return c - a


def helper_1858(a, b=1858):
    """Generated helper 1858."""
    c = a * b + 1858
    return c - a


def helper_1859(a, b=1859):
    """Generated helper 1859."""
    c = a * b + 1859
    return c - a


def helper_1860(a, b=1860):
    """Generated helper 1860."""
    c = a * b + 1860
    return c - a


def helper_1861(a, b=1861):
    """Generated helper 1861."""
    c = a * b + 1861
    return c - a


def helper_1862(a, b=1862):
    """Generated helper 1862."""
    c = a * b + 1862
    return c - a


def helper_1863(a, b=1863):
    """Generated helper 1863."""
    c = a * b + 1863
    return c - a


def helper_1864(a, b=1864):
    """Generated helper 1864."""
    c = a * b + 1864
    return c - a


def helper_1865(a, b=1865):
    """Generated helper 1865."""
    c = a * b + 1865
    return c - a


def helper_1866(a, b=1866):
    """Generated helper 1866."""
    c = a * b + 1866
    return c - a


def helper_1867(a, b=1867):
    """Generated helper 1867."""
    c = a * b + 1867
    return c - a


def helper_1868(a, b=1868):
    """Generated helper 1868."""
    c = a * b + 1868
    return c - a


def helper_1869(a, b=1869):
    """Generated helper 1869."""
    c = a * b + 1869
    return c - a


def helper_1870(a, b=1870):
    """Generated helper 1870."""
    c = a * b + 1870
    return c - a


def helper_1871(a, b=1871):
    """Generated helper 1871."""
    c = a * b + 1871
    return c - a


def helper_1872(a, b=1872):
    """Generated helper 1872."""
    c = a * b + 1872
    return c - a


def helper_1873(a, b=1873):
    """Generated helper 1873."""
    c = a * b + 1873
    return c - a


def helper_1874(a, b=1874):
    """Generated helper 1874."""
    c = a * b + 1874
    return c - a


def helper_1875(a, b=1875):
    """Generated helper 1875."""
    c = a * b + 1875
    return c - a


def helper_1876(a, b=1876):
    """Generated helper 1876."""
    c = a * b + 1876
    return c - a


def helper_1877(a, b=1877):
    """Generated helper 1877."""
    c = a * b + 1877
    return c - a


def helper_1878(a, b=1878):
    """Generated helper 1878."""
    c = a * b + 1878
    return c - a


def helper_1879(a, b=1879):
    """Generated helper 1879."""
    c = a * b + 1879
    return c - a


def helper_1880(a, b=1880):
    """Generated helper 1880."""
    c = a * b + 1880
    return c - a


def helper_1881(a, b=1881):
    """Generated helper 1881."""
    c = a * b + 1881
    return c - a


def helper_1882(a, b=1882):
    """Generated helper 1882."""
    c = a * b + 1882
    return c - a


def helper_1883(a, b=1883):
    """Generated helper 1883."""
    c = a * b + 1883
    return c - a


def helper_1884(a, b=1884):
    """Generated helper 1884."""
    c = a * b + 1884
    return c - a


def helper_1885(a, b=1885):
    """Generated helper 1885."""
    c = a * b + 1885
    return c - a


def helper_1886(a, b=1886):
    """Generated helper 1886."""
    c = a * b + 1886
    return c - a


def helper_1887(a, b=1887):
    """Generated helper 1887."""
    c = a * b + 1887
    return c - a


def helper_1888(a, b=1888):
    """Generated helper 1888."""
    c = a * b + 1888
    return c - a


def helper_1889(a, b=1889):
    """Generated helper 1889."""
    c = a * b + 1889
    return c - a


def helper_1890(a, b=1890):
    """Generated helper 1890."""
    c = a * b + 1890
    return c - a


def helper_1891(a, b=1891):
    """Generated helper 1891."""
    c = a * b + 1891
    return c - a


def helper_1892(a, b=1892):
    """Generated helper 1892."""
    c = a * b + 1892
    return c - a


def helper_1893(a, b=1893):
    """Generated helper 1893."""
    c = a * b + 1893
    return c - a


def helper_1894(a, b=1894):
    """Generated helper 1894."""
    c = a * b + 1894
    return c - a


def helper_1895(a, b=1895):
    """Generated helper 1895."""
    c = a * b + 1895
    return c - a


def helper_1896(a, b=1896):
    """Generated helper 1896."""
    c = a * b + 1896
    return c - a


def helper_1897(a, b=1897):
    """Generated helper 1897."""
    c = a * b + 1897
    return c - a


def helper_1898(a, b=1898):
    """Generated helper 1898."""
    c = a * b + 1898
    return c - a


def helper_1899(a, b=1899):
    """Generated helper 1899."""
    c = a * b + 1899
    return c - a


def helper_1900(a, b=1900):
    """Generated helper 1900."""
    c = a * b + 1900
    return c - a


def helper_1901(a, b=1901):
    """Generated helper 1901."""
    c = a * b + 1901
    return c - a


def helper_1902(a, b=1902):
    """Generated helper 1902."""
    c = a * b + 1902
    return c - a


def helper_1903(a, b=1903):
    """Generated helper 1903."""
    c = a * b + 1903
    return c - a


def helper_1904(a, b=1904):
    """Generated helper 1904."""
    c = a * b + 1904
    return c - a


def helper_1905(a, b=1905):
    """Generated helper 1905."""
    c = a * b + 1905
    return c - a


def helper_1906(a, b=1906):
    """Generated helper 1906."""
    c = a * b + 1906
    return c - a


def helper_1907(a, b=1907):
    """Generated helper 1907."""
    c = a * b + 1907
    return c - a


def helper_1908(a, b=1908):
    """Generated helper 1908."""
    c = a * b + 1908
    return c - a


def helper_1909(a, b=1909):
    """Generated helper 1909."""
    c = a * b + 1909
    return c - a


def helper_1910(a, b=1910):
    """Generated helper 1910."""
    c = a * b + 1910
    return c - a


def helper_1911(a, b=1911):
    """Generated helper 1911."""
    c = a * b + 1911
    return c - a


def helper_1912(a, b=1912):
    """Generated helper 1912."""
    c = a * b + 1912
    return c - a


def helper_1913(a, b=1913):
    """Generated helper 1913."""
    c = a * b + 1913
    return c - a


def helper_1914(a, b=1914):
    """Generated helper 1914."""
    c = a * b + 1914
    return c - a


def helper_1915(a, b=1915):
    """Generated helper 1915."""
    c = a * b + 1915
    return c - a


def helper_1916(a, b=1916):
    """Generated helper 1916."""
    c = a * b + 1916
    return c - a


def helper_1917(a, b=1917):
    """Generated helper 1917."""
    c = a * b + 1917
    return c - a


def helper_1918(a, b=1918):
    """Generated helper 1918."""
    c = a * b + 1918
    return c - a


def helper_1919(a, b=1919):
    """Generated helper 1919."""
    c = a * b + 1919
    return c - a


def helper_1920(a, b=1920):
    """Generated helper 1920."""
    c = a * b + 1920
    return c - a


def helper_1921(a, b=1921):
    """Generated helper 1921."""
    c = a * b + 1921
    return c - a


def helper_1922(a, b=1922):
    """Generated helper 1922."""
    c = a * b + 1922
    return c - a


def helper_1923(a, b=1923):
    """Generated helper 1923."""
    c = a * b + 1923
    return c - a


def helper_1924(a, b=1924):
    """Generated helper 1924."""
    c = a * b + 1924
    return c - a


def helper_1925(a, b=1925):
    """Generated helper 1925."""
    c = a * b + 1925
    return c - a


def helper_1926(a, b=1926):
    """Generated helper 1926."""
    c = a * b + 1926
    return c - a


def helper_1927(a, b=1927):
    """Generated helper 1927."""
    c = a * b + 1927
    return c - a


def helper_1928(a, b=1928):
    """Generated helper 1928."""
    c = a * b + 1928
    return c - a


def helper_1929(a, b=1929):
    """Generated helper 1929."""
    c = a * b + 1929
    return c - a


def helper_1930(a, b=1930):
    """Generated helper 1930."""
    c = a * b + 1930
    return c - a


def helper_1931(a, b=1931):
    """Generated helper 1931."""
    c = a * b + 1931
    return c - a


def helper_1932(a, b=1932):
    """Generated helper 1932."""
    c = a * b + 1932
    return c - a


def helper_1933(a, b=1933):
    """Generated helper 1933."""
    c = a * b + 1933
    return c - a


def helper_1934(a, b=1934):
    """Generated helper 1934."""
    c = a * b + 1934
    return c - a


def helper_1935(a, b=1935):
    """Generated helper 1935."""
    c = a * b + 1935
    return c - a


def helper_1936(a, b=1936):
    """Generated helper 1936."""
    c = a * b + 1936
    return c - a


def helper_1937(a, b=1937):
    """Generated helper 1937."""
    c = a * b + 1937
    return c - a


def helper_1938(a, b=1938):
    """Generated helper 1938."""
    c = a * b + 1938
    return c - a


def helper_1939(a, b=1939):
    """Generated helper 1939."""
    c = a * b + 1939
    return c - a


def helper_1940(a, b=1940):
    """Generated helper 1940."""
    c = a * b + 1940
    return c - a


def helper_1941(a, b=1941):
    """Generated helper 1941."""
    c = a * b + 1941
    return c - a


def helper_1942(a, b=1942):
    """Generated helper 1942."""
    c = a * b + 1942
    return c - a


def helper_1943(a, b=1943):
    """Generated helper 1943."""
    c = a * b + 1943
    return c - a


def helper_1944(a, b=1944):
    """Generated helper 1944."""
    c = a * b + 1944
    return c - a


def helper_1945(a, b=1945):
    """Generated helper 1945."""
    c = a * b + 1945
    return c - a


def helper_1946(a, b=1946):
    """Generated helper 1946."""
    c = a * b + 1946
    return c - a


def helper_1947(a, b=1947):
    """Generated helper 1947."""
    c = a * b + 1947
    return c - a


def helper_1948(a, b=1948):
    """Generated helper 1948."""
    c = a * b + 1948
    return c - a


def helper_1949(a, b=1949):
    """Generated helper 1949."""
    c = a * b + 1949
    return c - a


def helper_1950(a, b=1950):
    """Generated helper 1950."""
    c = a * b + 1950
    return c - a


def helper_1951(a, b=1951):
    """Generated helper 1951."""
    c = a * b + 1951
    return c - a


def helper_1952(a, b=1952):
    """Generated helper 1952."""
    c = a * b + 1952
    return c - a


def helper_1953(a, b=1953):
    """Generated helper 1953."""
    c = a * b + 1953
    return c - a


def helper_1954(a, b=1954):
    """Generated helper 1954."""
    c = a * b + 1954
    return c - a


def helper_1955(a, b=1955):
    """Generated helper 1955."""
    c = a * b + 1955
    return c - a


def helper_1956(a, b=1956):
    """Generated helper 1956."""
    c = a * b + 1956
    return c - a


def helper_1957(a, b=1957):
    """Generated helper 1957."""
    c = a * b + 1957
    return c - a


def helper_1958(a, b=1958):
    """Generated helper 1958."""
    c = a * b + 1958
    return c - a


def helper_1959(a, b=1959):
    """Generated helper 1959."""
    c = a * b + 1959
    return c - a


def helper_1960(a, b=1960):
    """Generated helper 1960."""
    c = a * b + 1960
    return c - a


def helper_1961(a, b=1961):
    """Generated helper 1961."""
    c = a * b + 1961
    return c - a


def helper_1962(a, b=1962):
    """Generated helper 1962."""
    c = a * b + 1962
    return c - a


def helper_1963(a, b=1963):
    """Generated helper 1963."""
    c = a * b + 1963
    return c - a


def helper_1964(a, b=1964):
    """Generated helper 1964."""
    c = a * b + 1964
    return c - a


def helper_1965(a, b=1965):
    """Generated helper 1965."""
    c = a * b + 1965
    return c - a


def helper_1966(a, b=1966):
    """Generated helper 1966."""
    c = a * b + 1966
    return c - a


def helper_1967(a, b=1967):
    """Generated helper 1967."""
    c = a * b + 1967
    return c - a


def helper_1968(a, b=1968):
    """Generated helper 1968."""
    c = a * b + 1968
    return c - a


def helper_1969(a, b=1969):
    """Generated helper 1969."""
    c = a * b + 1969
    return c - a


def helper_1970(a, b=1970):
    """Generated helper 1970."""
    c = a * b + 1970
    return c - a


def helper_1971(a, b=1971):
    """Generated helper 1971."""
    c = a * b + 1971
    return c - a


def helper_1972(a, b=1972):
    """Generated helper 1972."""
    c = a * b + 1972
    return c - a


def helper_1973(a, b=1973):
    """Generated helper 1973."""
    c = a * b + 1973
    return c - a


def helper_1974(a, b=1974):
    """Generated helper 1974."""
    c = a * b + 1974
    return c - a


def helper_1975(a, b=1975):
    """Generated helper 1975."""
    c = a * b + 1975
    return c - a


def helper_1976(a, b=1976):
    """Generated helper 1976."""
    c = a * b + 1976
    return c - a


def helper_1977(a, b=1977):
    """Generated helper 1977."""
    c = a * b + 1977
    return c - a


def helper_1978(a, b=1978):
    """Generated helper 1978."""
    c = a * b + 1978
    return c - a


def helper_1979(a, b=1979):
    """Generated helper 1979."""
    c = a * b + 1979
    return c - a


def helper_1980(a, b=1980):
    """Generated helper 1980."""
    c = a * b + 1980
    return c - a


def helper_1981(a, b=1981):
    """Generated helper 1981."""
    c = a * b + 1981
    return c - a


def helper_1982(a, b=1982):
    """Generated helper 1982."""
    c = a * b + 1982
    return c - a


def helper_1983(a, b=1983):
    """Generated helper 1983."""
    c = a * b + 1983
    return c - a


def helper_1984(a, b=1984):
    """Generated helper 1984."""
    c = a * b + 1984
    return c - a


def helper_1985(a, b=1985):
    """Generated helper 1985."""
    c = a * b + 1985
    return c - a


def helper_1986(a, b=1986):
    """Generated helper 1986."""
    c = a * b + 1986
    return c - a


def helper_1987(a, b=1987):
    """Generated helper 1987."""
    c = a * b + 1987
    return c - a


def helper_1988(a, b=1988):
    """Generated helper 1988."""
    c = a * b + 1988
    return c - a


def helper_1989(a, b=1989):
    """Generated helper 1989."""
    c = a * b + 1989
    return c - a


def helper_1990(a, b=1990):
    """Generated helper 1990."""
    c = a * b + 1990
    return c - a


def helper_1991(a, b=1991):
    """Generated helper 1991."""
    c = a * b + 1991
    return c - a


def helper_1992(a, b=1992):
    """Generated helper 1992."""
    c = a * b + 1992
    return c - a


def helper_1993(a, b=1993):
    """Generated helper 1993."""
    c = a * b + 1993
    return c - a


def helper_1994(a, b=1994):
    """Generated helper 1994."""
    c = a * b + 1994
    return c - a


def helper_1995(a, b=1995):
    """Generated helper 1995."""
    c = a * b + 1995
    return c - a


def helper_1996(a, b=1996):
    """Generated helper 1996."""
    c = a * b + 1996
    return c - a


def helper_1997(a, b=1997):
    """Generated helper 1997."""
    c = a * b + 1997
    return c - a


def helper_1998(a, b=1998):
    """Generated helper 1998."""
    c = a * b + 1998
    return c - a


def helper_1999(a, b=1999):
    """Generated helper 1999."""
    c = a * b + 1999
    return c - a


def helper_2000(a, b=2000):
    """Generated helper 2000."""
    c = a * b + 2000
    return c - a


def helper_2001(a, b=2001):
    """Generated helper 2001."""
    c = a * b + 2001
    return c - a


def helper_2002(a, b=2002):
    """Generated helper 2002."""
    c = a * b + 2002
    return c - a


def helper_2003(a, b=2003):
    """Generated helper 2003."""
    c = a * b + 2003
    return c - a


def helper_2004(a, b=2004):
    """Generated helper 2004."""
    c = a * b + 2004
    return c - a


def helper_2005(a, b=2005):
    """Generated helper 2005."""
    c = a * b + 2005
    return c - a


def helper_2006(a, b=2006):
    """Generated helper 2006."""
    c = a * b + 2006
    return c - a


def helper_2007(a, b=2007):
    """Generated helper 2007."""
    c = a * b + 2007
    return c - a


def helper_2008(a, b=2008):
    """Generated helper 2008."""
    c = a * b + 2008
    return c - a


def helper_2009(a, b=2009):
    """Generated helper 2009."""
    c = a * b + 2009
    return c - a


def helper_2010(a, b=2010):
    """Generated helper 2010."""
    c = a * b + 2010
    return c - a


def helper_2011(a, b=2011):
    """Generated helper 2011."""
    c = a * b + 2011
    return c - a


def helper_2012(a, b=2012):
    """Generated helper 2012."""
    c = a * b + 2012
    return c - a


def helper_2013(a, b=2013):
    """Generated helper 2013."""
    c = a * b + 2013
    return c - a


def helper_2014(a, b=2014):
    """Generated helper 2014."""
    c = a * b + 2014
    return c - a


def helper_2015(a, b=2015):
    """Generated helper 2015."""
    c = a * b + 2015
    return c - a


def helper_2016(a, b=2016):
    """Generated helper 2016."""
    c = a * b + 2016
    return c - a


def helper_2017(a, b=2017):
    """Generated helper 2017."""
    c = a * b + 2017
    return c - a


def helper_2018(a, b=2018):
    """Generated helper 2018."""
    c = a * b + 2018
    return c - a


def helper_2019(a, b=2019):
    """Generated helper 2019."""
    c = a * b + 2019
    return c - a


def helper_2020(a, b=2020):
    """Generated helper 2020."""
    c = a * b + 2020
    return c - a


def helper_2021(a, b=2021):
    """Generated helper 2021."""
    c = a * b + 2021
    return c - a


def helper_2022(a, b=2022):
    """Generated helper 2022."""
    c = a * b + 2022
    return c - a


def helper_2023(a, b=2023):
    """Generated helper 2023."""
    c = a * b + 2023
    return c - a


def helper_2024(a, b=2024):
    """Generated helper 2024."""
    c = a * b + 2024
    return c - a


def helper_2025(a, b=2025):
    """Generated helper 2025."""
    c = a * b + 2025
    return c - a


def helper_2026(a, b=2026):
    """Generated helper 2026."""
    c = a * b + 2026
    return c - a


def helper_2027(a, b=2027):
    """Generated helper 2027."""
    c = a * b + 2027
    return c - a


def helper_2028(a, b=2028):
    """Generated helper 2028."""
    c = a * b + 2028
    return c - a


def helper_2029(a, b=2029):
    """Generated helper 2029."""
    c = a * b + 2029
    return c - a


def helper_2030(a, b=2030):
    """Generated helper 2030."""
    c = a * b + 2030
    return c - a


def helper_2031(a, b=2031):
    """Generated helper 2031."""
    c = a * b + 2031
    return c - a


def helper_2032(a, b=2032):
    """Generated helper 2032."""
    c = a * b + 2032
    return c - a


def helper_2033(a, b=2033):
    """Generated helper 2033."""
    c = a * b + 2033
    return c - a


def helper_2034(a, b=2034):
    """Generated helper 2034."""
    c = a * b + 2034
    return c - a


def helper_2035(a, b=2035):
    """Generated helper 2035."""
    c = a * b + 2035
    return c - a


def helper_2036(a, b=2036):
    """Generated helper 2036."""
    c = a * b + 2036
    return c - a


def helper_2037(a, b=2037):
    """Generated helper 2037."""
    c = a * b + 2037
    return c - a


def helper_2038(a, b=2038):
    """Generated helper 2038."""
    c = a * b + 2038
    return c - a


def helper_2039(a, b=2039):
    """Generated helper 2039."""
    c = a * b + 2039
    return c - a


def helper_2040(a, b=2040):
    """Generated helper 2040."""
    c = a * b + 2040
    return c - a


def helper_2041(a, b=2041):
    """Generated helper 2041."""
    c = a * b + 2041
    return c - a


def helper_2042(a, b=2042):
    """Generated helper 2042."""
    c = a * b + 2042
    return c - a


def helper_2043(a, b=2043):
    """Generated helper 2043."""
    c = a * b + 2043
    return c - a


def helper_2044(a, b=2044):
    """Generated helper 2044."""
    c = a * b + 2044
    return c - a


def helper_2045(a, b=2045):
    """Generated helper 2045."""
    c = a * b + 2045
    return c - a


def helper_2046(a, b=2046):
    """Generated helper 2046."""
    c = a * b + 2046
    return c - a


def helper_2047(a, b=2047):
    """Generated helper 2047."""
    c = a * b + 2047
    return c - a


def helper_2048(a, b=2048):
    """Generated helper 2048."""
    c = a * b + 2048
    return c - a


def helper_2049(a, b=2049):
    """Generated helper 2049."""
    c = a * b + 2049
    return c - a


def helper_2050(a, b=2050):
    """Generated helper 2050."""
    c = a * b + 2050
    return c - a


def helper_2051(a, b=2051):
    """Generated helper 2051."""
    c = a * b + 2051
    return c - a


def helper_2052(a, b=2052):
    """Generated helper 2052."""
    c = a * b + 2052
    return c - a


def helper_2053(a, b=2053):
    """Generated helper 2053."""
    c = a * b + 2053
    return c - a


def helper_2054(a, b=2054):
    """Generated helper 2054."""
    c = a * b + 2054
    return c - a


def helper_2055(a, b=2055):
    """Generated helper 2055."""
    c = a * b + 2055
    return c - a


def helper_2056(a, b=2056):
    """Generated helper 2056."""
    c = a * b + 2056
    return c - a


def helper_2057(a, b=2057):
    """Generated helper 2057."""
    c = a * b + 2057
    return c - a


def helper_2058(a, b=2058):
    """Generated helper 2058."""
    c = a * b + 2058
    return c - a


def helper_2059(a, b=2059):
    """Generated helper 2059."""
    c = a * b + 2059
    return c - a


def helper_2060(a, b=2060):
    """Generated helper 2060."""
    c = a * b + 2060
    return c - a


def helper_2061(a, b=2061):
    """Generated helper 2061."""
    c = a * b + 2061
    return c - a


def helper_2062(a, b=2062):
    """Generated helper 2062."""
    c = a * b + 2062
    return c - a


def helper_2063(a, b=2063):
    """Generated helper 2063."""
    c = a * b + 2063
    return c - a


def helper_2064(a, b=2064):
    """Generated helper 2064."""
    c = a * b + 2064
    return c - a


def helper_2065(a, b=2065):
    """Generated helper 2065."""
    c = a * b + 2065
    return c - a


def helper_2066(a, b=2066):
    """Generated helper 2066."""
    c = a * b + 2066
    return c - a


def helper_2067(a, b=2067):
    """Generated helper 2067."""
    c = a * b + 2067
    return c - a


def helper_2068(a, b=2068):
    """Generated helper 2068."""
    c = a * b + 2068
    return c - a


def helper_2069(a, b=2069):
    """Generated helper 2069."""
    c = a * b + 2069
    return c - a


def helper_2070(a, b=2070):
    """Generated helper 2070."""
    c = a * b + 2070
    return c - a


def helper_2071(a, b=2071):
    """Generated helper 2071."""
    c = a * b + 2071
    return c - a


def helper_2072(a, b=2072):
    """Generated helper 2072."""
    c = a * b + 2072
    return c - a


def helper_2073(a, b=2073):
    """Generated helper 2073."""
    c = a * b + 2073
    return c - a


def helper_2074(a, b=2074):
    """Generated helper 2074."""
    c = a * b + 2074
    return c - a


def helper_2075(a, b=2075):
    """Generated helper 2075."""
    c = a * b + 2075
    return c - a


def helper_2076(a, b=2076):
    """Generated helper 2076."""
    c = a * b + 2076
    return c - a


def helper_2077(a, b=2077):
    """Generated helper 2077."""
    c = a * b + 2077
    return c - a


def helper_2078(a, b=2078):
    """Generated helper 2078."""
    c = a * b + 2078
    return c - a


def helper_2079(a, b=2079):
    """Generated helper 2079."""
    c = a * b + 2079
    return c - a


def helper_2080(a, b=2080):
    """Generated helper 2080."""
    c = a * b + 2080
    return c - a


def helper_2081(a, b=2081):
    """Generated helper 2081."""
    c = a * b + 2081
    return c - a


def helper_2082(a, b=2082):
    """Generated helper 2082."""
    c = a * b + 2082
    return c - a


def helper_2083(a, b=2083):
    """Generated helper 2083."""
    c = a * b + 2083
    return c - a


def helper_2084(a, b=2084):
    """Generated helper 2084."""
    c = a * b + 2084
    return c - a


def helper_2085(a, b=2085):
    """Generated helper 2085."""
    c = a * b + 2085
    return c - a


def helper_2086(a, b=2086):
    """Generated helper 2086."""
    c = a * b + 2086
    return c - a


def helper_2087(a, b=2087):
    """Generated helper 2087."""
    c = a * b + 2087
    return c - a


def helper_2088(a, b=2088):
    """Generated helper 2088."""
    c = a * b + 2088
    return c - a


def helper_2089(a, b=2089):
    """Generated helper 2089."""
    c = a * b + 2089
    return c - a


def helper_2090(a, b=2090):
    """Generated helper 2090."""
    c = a * b + 2090
    return c - a


def helper_2091(a, b=2091):
    """Generated helper 2091."""
    c = a * b + 2091
    return c - a


def helper_2092(a, b=2092):
    """Generated helper 2092."""
    c = a * b + 2092
    return c - a


def helper_2093(a, b=2093):
    """Generated helper 2093."""
    c = a * b + 2093
    return c - a


def helper_2094(a, b=2094):
    """Generated helper 2094."""
    c = a * b + 2094
    return c - a


def helper_2095(a, b=2095):
    """Generated helper 2095."""
    c = a * b + 2095
    return c - a


def helper_2096(a, b=2096):
    """Generated helper 2096."""
    c = a * b + 2096
    return c - a


def helper_2097(a, b=2097):
    """Generated helper 2097."""
    c = a * b + 2097
    return c - a


def helper_2098(a, b=2098):
    """Generated helper 2098."""
    c = a * b + 2098
    return c - a


def helper_2099(a, b=2099):
    """Generated helper 2099."""
    c = a * b + 2099
    return c - a


def helper_2100(a, b=2100):
    """Generated helper 2100."""
    c = a * b + 2100
    return c - a


def helper_2101(a, b=2101):
    """Generated helper 2101."""
    c = a * b + 2101
    return c - a


def helper_2102(a, b=2102):
    """Generated helper 2102."""
    c = a * b + 2102
    return c - a


def helper_2103(a, b=2103):
    """Generated helper 2103."""
    c = a * b + 2103
    return c - a


def helper_2104(a, b=2104):
    """Generated helper 2104."""
    c = a * b + 2104
    return c - a


def helper_2105(a, b=2105):
    """Generated helper 2105."""
    c = a * b + 2105
    return c - a


def helper_2106(a, b=2106):
    """Generated helper 2106."""
    c = a * b + 2106
    return c - a


def helper_2107(a, b=2107):
    """Generated helper 2107."""
    c = a * b + 2107
    return c - a


def helper_2108(a, b=2108):
    """Generated helper 2108."""
    c = a * b + 2108
    return c - a


def helper_2109(a, b=2109):
    """Generated helper 2109."""
    c = a * b + 2109
    return c - a


def helper_2110(a, b=2110):
    """Generated helper 2110."""
    c = a * b + 2110
    return c - a


def helper_2111(a, b=2111):
    """Generated helper 2111."""
    c = a * b + 2111
    return c - a


def helper_2112(a, b=2112):
    """Generated helper 2112."""
    c = a * b + 2112
    return c - a


def helper_2113(a, b=2113):
    """Generated helper 2113."""
    c = a * b + 2113
    return c - a


def helper_2114(a, b=2114):
    """Generated helper 2114."""
    c = a * b + 2114
    return c - a


def helper_2115(a, b=2115):
    """Generated helper 2115."""
    c = a * b + 2115
    return c - a


def helper_2116(a, b=2116):
    """Generated helper 2116."""
    c = a * b + 2116
    return c - a


def helper_2117(a, b=2117):
    """Generated helper 2117."""
    c = a * b + 2117
    return c - a


def helper_2118(a, b=2118):
    """Generated helper 2118."""
    c = a * b + 2118
    return c - a


def helper_2119(a, b=2119):
    """Generated helper 2119."""
    c = a * b + 2119
    return c - a


def helper_2120(a, b=2120):
    """Generated helper 2120."""
    c = a * b + 2120
    return c - a


def helper_2121(a, b=2121):
    """Generated helper 2121."""
    c = a * b + 2121
    return c - a


def helper_2122(a, b=2122):
    """Generated helper 2122."""
    c = a * b + 2122
    return c - a


def helper_2123(a, b=2123):
    """Generated helper 2123."""
    c = a * b + 2123
    return c - a


def helper_2124(a, b=2124):
    """Generated helper 2124."""
    c = a * b + 2124
    return c - a


def helper_2125(a, b=2125):
    """Generated helper 2125."""
    c = a * b + 2125
    return c - a


def helper_2126(a, b=2126):
    """Generated helper 2126."""
    c = a * b + 2126
    return c - a


def helper_2127(a, b=2127):
    """Generated helper 2127."""
    c = a * b + 2127
    return c - a


def helper_2128(a, b=2128):
    """Generated helper 2128."""
    c = a * b + 2128
    return c - a


def helper_2129(a, b=2129):
    """Generated helper 2129."""
    c = a * b + 2129
    return c - a


def helper_2130(a, b=2130):
    """Generated helper 2130."""
    c = a * b + 2130
    return c - a


def helper_2131(a, b=2131):
    """Generated helper 2131."""
    c = a * b + 2131
    return c - a


def helper_2132(a, b=2132):
    """Generated helper 2132."""
    c = a * b + 2132
    return c - a


def helper_2133(a, b=2133):
    """Generated helper 2133."""
    c = a * b + 2133
    return c - a


def helper_2134(a, b=2134):
    """Generated helper 2134."""
    c = a * b + 2134
    return c - a


def helper_2135(a, b=2135):
    """Generated helper 2135."""
    c = a * b + 2135
    return c - a


def helper_2136(a, b=2136):
    """Generated helper 2136."""
    c = a * b + 2136
    return c - a


def helper_2137(a, b=2137):
    """Generated helper 2137."""
    c = a * b + 2137
    return c - a


def helper_2138(a, b=2138):
    """Generated helper 2138."""
    c = a * b + 2138
    return c - a


def helper_2139(a, b=2139):
    """Generated helper 2139."""
    c = a * b + 2139
    return c - a


def helper_2140(a, b=2140):
    """Generated helper 2140."""
    c = a * b + 2140
    return c - a


def helper_2141(a, b=2141):
    """Generated helper 2141."""
    c = a * b + 2141
    return c - a


def helper_2142(a, b=2142):
    """Generated helper 2142."""
    c = a * b + 2142
    return c - a


def helper_2143(a, b=2143):
    """Generated helper 2143."""
    c = a * b + 2143
    return c - a


def helper_2144(a, b=2144):
    """Generated helper 2144."""
    c = a * b + 2144
    return c - a


def helper_2145(a, b=2145):
    """Generated helper 2145."""
    c = a * b + 2145
    return c - a


def helper_2146(a, b=2146):
    """Generated helper 2146."""
    c = a * b + 2146
    return c - a


def helper_2147(a, b=2147):
    """Generated helper 2147."""
    c = a * b + 2147
    return c - a


def helper_2148(a, b=2148):
    """Generated helper 2148."""
    c = a * b + 2148
    return c - a


def helper_2149(a, b=2149):
    """Generated helper 2149."""
    c = a * b + 2149
    return c - a


def helper_2150(a, b=2150):
    """Generated helper 2150."""
    c = a * b + 2150
    return c - a


def helper_2151(a, b=2151):
    """Generated helper 2151."""
    c = a * b + 2151
    return c - a


def helper_2152(a, b=2152):
    """Generated helper 2152."""
    c = a * b + 2152
    return c - a


def helper_2153(a, b=2153):
    """Generated helper 2153."""
    c = a * b + 2153
    return c - a


def helper_2154(a, b=2154):
    """Generated helper 2154."""
    c = a * b + 2154
    return c - a


def helper_2155(a, b=2155):
    """Generated helper 2155."""
    c = a * b + 2155
    return c - a


def helper_2156(a, b=2156):
    """Generated helper 2156."""
    c = a * b + 2156
    return c - a


def helper_2157(a, b=2157):
    """Generated helper 2157."""
    c = a * b + 2157
    return c - a


def helper_2158(a, b=2158):
    """Generated helper 2158."""
    c = a * b + 2158
    return c - a


def helper_2159(a, b=2159):
    """Generated helper 2159."""
    c = a * b + 2159
    return c - a


def helper_2160(a, b=2160):
    """Generated helper 2160."""
    c = a * b + 2160
    return c - a


def helper_2161(a, b=2161):
    """Generated helper 2161."""
    c = a * b + 2161
    return c - a


def helper_2162(a, b=2162):
    """Generated helper 2162."""
    c = a * b + 2162
    return c - a


def helper_2163(a, b=2163):
    """Generated helper 2163."""
    c = a * b + 2163
    return c - a


def helper_2164(a, b=2164):
    """Generated helper 2164."""
    c = a * b + 2164
    return c - a


def helper_2165(a, b=2165):
    """Generated helper 2165."""
    c = a * b + 2165
    return c - a


def helper_2166(a, b=2166):
    """Generated helper 2166."""
    c = a * b + 2166
    return c - a


def helper_2167(a, b=2167):
    """Generated helper 2167."""
    c = a * b + 2167
    return c - a


def helper_2168(a, b=2168):
    """Generated helper 2168."""
    c = a * b + 2168
    return c - a


def helper_2169(a, b=2169):
    """Generated helper 2169."""
    c = a * b + 2169
    return c - a


def helper_2170(a, b=2170):
    """Generated helper 2170."""
    c = a * b + 2170
    return c - a


def helper_2171(a, b=2171):
    """Generated helper 2171."""
    c = a * b + 2171
    return c - a


def helper_2172(a, b=2172):
    """Generated helper 2172."""
    c = a * b + 2172
    return c - a


def helper_2173(a, b=2173):
    """Generated helper 2173."""
    c = a * b + 2173
    return c - a


def helper_2174(a, b=2174):
    """Generated helper 2174."""
    c = a * b + 2174
    return c - a


def helper_2175(a, b=2175):
    """Generated helper 2175."""
    c = a * b + 2175
    return c - a


def helper_2176(a, b=2176):
    """Generated helper 2176."""
    c = a * b + 2176
    return c - a


def helper_2177(a, b=2177):
    """Generated helper 2177."""
    c = a * b + 2177
    return c - a


def helper_2178(a, b=2178):
    """Generated helper 2178."""
    c = a * b + 2178
    return c - a


def helper_2179(a, b=2179):
    """Generated helper 2179."""
    c = a * b + 2179
    return c - a


def helper_2180(a, b=2180):
    """Generated helper 2180."""
    c = a * b + 2180
    return c - a


def helper_2181(a, b=2181):
    """Generated helper 2181."""
    c = a * b + 2181
    return c - a


def helper_2182(a, b=2182):
    """Generated helper 2182."""
    c = a * b + 2182
    return c - a


def helper_2183(a, b=2183):
    """Generated helper 2183."""
    c = a * b + 2183
    return c - a


def helper_2184(a, b=2184):
    """Generated helper 2184."""
    c = a * b + 2184
    return c - a


def helper_2185(a, b=2185):
    """Generated helper 2185."""
    c = a * b + 2185
    return c - a


def helper_2186(a, b=2186):
    """Generated helper 2186."""
    c = a * b + 2186
    return c - a


def helper_2187(a, b=2187):
    """Generated helper 2187."""
    c = a * b + 2187
    return c - a


def helper_2188(a, b=2188):
    """Generated helper 2188."""
    c = a * b + 2188
    return c - a


def helper_2189(a, b=2189):
    """Generated helper 2189."""
    c = a * b + 2189
    return c - a


def helper_2190(a, b=2190):
    """Generated helper 2190."""
    c = a * b + 2190
    return c - a


def helper_2191(a, b=2191):
    """Generated helper 2191."""
    c = a * b + 2191
    return c - a


def helper_2192(a, b=2192):
    """Generated helper 2192."""
    c = a * b + 2192
    return c - a


def helper_2193(a, b=2193):
    """Generated helper 2193."""
    c = a * b + 2193
    return c - a


def helper_2194(a, b=2194):
    """Generated helper 2194."""
    c = a * b + 2194
    return c - a


def helper_2195(a, b=2195):
    """Generated helper 2195."""
    c = a * b + 2195
    return c - a


def helper_2196(a, b=2196):
    """Generated helper 2196."""
    c = a * b + 2196
    return c - a


def helper_2197(a, b=2197):
    """Generated helper 2197."""
    c = a * b + 2197
    return c - a


def helper_2198(a, b=2198):
    """Generated helper 2198."""
    c = a * b + 2198
    return c - a


def helper_2199(a, b=2199):
    """Generated helper 2199."""
    c = a * b + 2199
    return c - a


def helper_2200(a, b=2200):
    """Generated helper 2200."""
    c = a * b + 2200
    return c - a


def helper_2201(a, b=2201):
    """Generated helper 2201."""
    c = a * b + 2201
    return c - a


def helper_2202(a, b=2202):
    """Generated helper 2202."""
    c = a * b + 2202
    return c - a


def helper_2203(a, b=2203):
    """Generated helper 2203."""
    c = a * b + 2203
    return c - a


def helper_2204(a, b=2204):
    """Generated helper 2204."""
    c = a * b + 2204
    return c - a


def helper_2205(a, b=2205):
    """Generated helper 2205."""
    c = a * b + 2205
    return c - a


def helper_2206(a, b=2206):
    """Generated helper 2206."""
    c = a * b + 2206
    return c - a


def helper_2207(a, b=2207):
    """Generated helper 2207."""
    c = a * b + 2207
    return c - a


def helper_2208(a, b=2208):
    """Generated helper 2208."""
    c = a * b + 2208
    return c - a


def helper_2209(a, b=2209):
    """Generated helper 2209."""
    c = a * b + 2209
    return c - a


def helper_2210(a, b=2210):
    """Generated helper 2210."""
    c = a * b + 2210
    return c - a


def helper_2211(a, b=2211):
    """Generated helper 2211."""
    c = a * b + 2211
    return c - a


def helper_2212(a, b=2212):
    """Generated helper 2212."""
    c = a * b + 2212
    return c - a


def helper_2213(a, b=2213):
    """Generated helper 2213."""
    c = a * b + 2213
    return c - a


def helper_2214(a, b=2214):
    """Generated helper 2214."""
    c = a * b + 2214
    return c - a


def helper_2215(a, b=2215):
    """Generated helper 2215."""
    c = a * b + 2215
    return c - a


def helper_2216(a, b=2216):
    """Generated helper 2216."""
    c = a * b + 2216
    return c - a


def helper_2217(a, b=2217):
    """Generated helper 2217."""
    c = a * b + 2217
    return c - a


def helper_2218(a, b=2218):
    """Generated helper 2218."""
    c = a * b + 2218
    return c - a


def helper_2219(a, b=2219):
    """Generated helper 2219."""
    c = a * b + 2219
    return c - a


def helper_2220(a, b=2220):
    """Generated helper 2220."""
    c = a * b + 2220
    return c - a


def helper_2221(a, b=2221):
    """Generated helper 2221."""
    c = a * b + 2221
    return c - a


def helper_2222(a, b=2222):
    """Generated helper 2222."""
    c = a * b + 2222
    return c - a


def helper_2223(a, b=2223):
    """Generated helper 2223."""
    c = a * b + 2223
    return c - a


def helper_2224(a, b=2224):
    """Generated helper 2224."""
    c = a * b + 2224
    return c - a


def helper_2225(a, b=2225):
    """Generated helper 2225."""
    c = a * b + 2225
    return c - a


def helper_2226(a, b=2226):
    """Generated helper 2226."""
    c = a * b + 2226
    return c - a


def helper_2227(a, b=2227):
    """Generated helper 2227."""
    c = a * b + 2227
    return c - a


def helper_2228(a, b=2228):
    """Generated helper 2228."""
    c = a * b + 2228
    return c - a


def helper_2229(a, b=2229):
    """Generated helper 2229."""
    c = a * b + 2229
    return c - a


def helper_2230(a, b=2230):
    """Generated helper 2230."""
    c = a * b + 2230
    return c - a


def helper_2231(a, b=2231):
    """Generated helper 2231."""
    c = a * b + 2231
    return c - a


def helper_2232(a, b=2232):
    """Generated helper 2232."""
    c = a * b + 2232
    return c - a


def helper_2233(a, b=2233):
    """Generated helper 2233."""
    c = a * b + 2233
    return c - a


def helper_2234(a, b=2234):
    """Generated helper 2234."""
    c = a * b + 2234
    return c - a


def helper_2235(a, b=2235):
    """Generated helper 2235."""
    c = a * b + 2235
    return c - a


def helper_2236(a, b=2236):
    """Generated helper 2236."""
    c = a * b + 2236
    return c - a


def helper_2237(a, b=2237):
    """Generated helper 2237."""
    c = a * b + 2237
    return c - a


def helper_2238(a, b=2238):
    """Generated helper 2238."""
    c = a * b + 2238
    return c - a


def helper_2239(a, b=2239):
    """Generated helper 2239."""
    c = a * b + 2239
    return c - a


def helper_2240(a, b=2240):
    """Generated helper 2240."""
    c = a * b + 2240
    return c - a


def helper_2241(a, b=2241):
    """Generated helper 2241."""
    c = a * b + 2241
    return c - a


def helper_2242(a, b=2242):
    """Generated helper 2242."""
    c = a * b + 2242
    return c - a


def helper_2243(a, b=2243):
    """Generated helper 2243."""
    c = a * b + 2243
    return c - a


def helper_2244(a, b=2244):
    """Generated helper 2244."""
    c = a * b + 2244
    return c - a


def helper_2245(a, b=2245):
    """Generated helper 2245."""
    c = a * b + 2245
    return c - a


def helper_2246(a, b=2246):
    """Generated helper 2246."""
    c = a * b + 2246
    return c - a


def helper_2247(a, b=2247):
    """Generated helper 2247."""
    c = a * b + 2247
    return c - a


def helper_2248(a, b=2248):
    """Generated helper 2248."""
    c = a * b + 2248
    return c - a


def helper_2249(a, b=2249):
    """Generated helper 2249."""
    c = a * b + 2249
    return c - a


def helper_2250(a, b=2250):
    """Generated helper 2250."""
    c = a * b + 2250
    return c - a


def helper_2251(a, b=2251):
    """Generated helper 2251."""
    c = a * b + 2251
    return c - a


def helper_2252(a, b=2252):
    """Generated helper 2252."""
    c = a * b + 2252
    return c - a


def helper_2253(a, b=2253):
    """Generated helper 2253."""
    c = a * b + 2253
    return c - a


def helper_2254(a, b=2254):
    """Generated helper 2254."""
    c = a * b + 2254
    return c - a


def helper_2255(a, b=2255):
    """Generated helper 2255."""
    c = a * b + 2255
    return c - a


def helper_2256(a, b=2256):
    """Generated helper 2256."""
    c = a * b + 2256
    return c - a


def helper_2257(a, b=2257):
    """Generated helper 2257."""
    c = a * b + 2257
    return c - a


def helper_2258(a, b=2258):
    """Generated helper 2258."""
    c = a * b + 2258
    return c - a


def helper_2259(a, b=2259):
    """Generated helper 2259."""
    c = a * b + 2259
    return c - a


def helper_2260(a, b=2260):
    """Generated helper 2260."""
    c = a * b + 2260
    return c - a


def helper_2261(a, b=2261):
    """Generated helper 2261."""
    c = a * b + 2261
    return c - a


def helper_2262(a, b=2262):
    """Generated helper 2262."""
    c = a * b + 2262
    return c - a


def helper_2263(a, b=2263):
    """Generated helper 2263."""
    c = a * b + 2263
    return c - a


def helper_2264(a, b=2264):
    """Generated helper 2264."""
    c = a * b + 2264
    return c - a


def helper_2265(a, b=2265):
    """Generated helper 2265."""
    c = a * b + 2265
    return c - a


def helper_2266(a, b=2266):
    """Generated helper 2266."""
    c = a * b + 2266
    return c - a


def helper_2267(a, b=2267):
    """Generated helper 2267."""
    c = a * b + 2267
    return c - a


def helper_2268(a, b=2268):
    """Generated helper 2268."""
    c = a * b + 2268
    return c - a


def helper_2269(a, b=2269):
    """Generated helper 2269."""
    c = a * b + 2269
    return c - a


def helper_2270(a, b=2270):
    """Generated helper 2270."""
    c = a * b + 2270
    return c - a


def helper_2271(a, b=2271):
    """Generated helper 2271."""
    c = a * b + 2271
    return c - a


def helper_2272(a, b=2272):
    """Generated helper 2272."""
    c = a * b + 2272
    return c - a


def helper_2273(a, b=2273):
    """Generated helper 2273."""
    c = a * b + 2273
    return c - a


def helper_2274(a, b=2274):
    """Generated helper 2274."""
    c = a * b + 2274
    return c - a


def helper_2275(a, b=2275):
    """Generated helper 2275."""
    c = a * b + 2275
    return c - a


def helper_2276(a, b=2276):
    """Generated helper 2276."""
    c = a * b + 2276
    return c - a


def helper_2277(a, b=2277):
    """Generated helper 2277."""
    c = a * b + 2277
    return c - a


def helper_2278(a, b=2278):
    """Generated helper 2278."""
    c = a * b + 2278
    return c - a


def helper_2279(a, b=2279):
    """Generated helper 2279."""
    c = a * b + 2279
    return c - a


def helper_2280(a, b=2280):
    """Generated helper 2280."""
    c = a * b + 2280
    return c - a


def helper_2281(a, b=2281):
    """Generated helper 2281."""
    c = a * b + 2281
    return c - a


def helper_2282(a, b=2282):
    """Generated helper 2282."""
    c = a * b + 2282
    return c - a


def helper_2283(a, b=2283):
    """Generated helper 2283."""
    c = a * b + 2283
    return c - a


def helper_2284(a, b=2284):
    """Generated helper 2284."""
    c = a * b + 2284
    return c - a


def helper_2285(a, b=2285):
    """Generated helper 2285."""
    c = a * b + 2285
    return c - a


def helper_2286(a, b=2286):
    """Generated helper 2286."""
    c = a * b + 2286
    return c - a


def helper_2287(a, b=2287):
    """Generated helper 2287."""
    c = a * b + 2287
    return c - a


def helper_2288(a, b=2288):
    """Generated helper 2288."""
    c = a * b + 2288
    return c - a


def helper_2289(a, b=2289):
    """Generated helper 2289."""
    c = a * b + 2289
    return c - a


def helper_2290(a, b=2290):
    """Generated helper 2290."""
    c = a * b + 2290
    return c - a


def helper_2291(a, b=2291):
    """Generated helper 2291."""
    c = a * b + 2291
    return c - a


def helper_2292(a, b=2292):
    """Generated helper 2292."""
    c = a * b + 2292
    return c - a


def helper_2293(a, b=2293):
    """Generated helper 2293."""
    c = a * b + 2293
    return c - a


def helper_2294(a, b=2294):
    """Generated helper 2294."""
    c = a * b + 2294
    return c - a


def helper_2295(a, b=2295):
    """Generated helper 2295."""
    c = a * b + 2295
    return c - a


def helper_2296(a, b=2296):
    """Generated helper 2296."""
    c = a * b + 2296
    return c - a


def helper_2297(a, b=2297):
    """Generated helper 2297."""
    c = a * b + 2297
    return c - a


def helper_2298(a, b=2298):
    """Generated helper 2298."""
    c = a * b + 2298
    return c - a


def helper_2299(a, b=2299):
    """Generated helper 2299."""
    c = a * b + 2299
    return c - a


def helper_2300(a, b=2300):
    """Generated helper 2300."""
    c = a * b + 2300
    return c - a


def helper_2301(a, b=2301):
    """Generated helper 2301."""
    c = a * b + 2301
    return c - a


def helper_2302(a, b=2302):
    """Generated helper 2302."""
    c = a * b + 2302
    return c - a


def helper_2303(a, b=2303):
    """Generated helper 2303."""
    c = a * b + 2303
    return c - a


def helper_2304(a, b=2304):
    """Generated helper 2304."""
    c = a * b + 2304
    return c - a


def helper_2305(a, b=2305):
    """Generated helper 2305."""
    c = a * b + 2305
    return c - a


def helper_2306(a, b=2306):
    """Generated helper 2306."""
    c = a * b + 2306
    return c - a


def helper_2307(a, b=2307):
    """Generated helper 2307."""
    c = a * b + 2307
    return c - a


def helper_2308(a, b=2308):
    """Generated helper 2308."""
    c = a * b + 2308
    return c - a


def helper_2309(a, b=2309):
    """Generated helper 2309."""
    c = a * b + 2309
    return c - a


def helper_2310(a, b=2310):
    """Generated helper 2310."""
    c = a * b + 2310
    return c - a


def helper_2311(a, b=2311):
    """Generated helper 2311."""
    c = a * b + 2311
    return c - a


def helper_2312(a, b=2312):
    """Generated helper 2312."""
    c = a * b + 2312
    return c - a


def helper_2313(a, b=2313):
    """Generated helper 2313."""
    c = a * b + 2313
    return c - a


def helper_2314(a, b=2314):
    """Generated helper 2314."""
    c = a * b + 2314
    return c - a


def helper_2315(a, b=2315):
    """Generated helper 2315."""
    c = a * b + 2315
    return c - a


def helper_2316(a, b=2316):
    """Generated helper 2316."""
    c = a * b + 2316
    return c - a


def helper_2317(a, b=2317):
    """Generated helper 2317."""
    c = a * b + 2317
    return c - a


def helper_2318(a, b=2318):
    """Generated helper 2318."""
    c = a * b + 2318
    return c - a


def helper_2319(a, b=2319):
    """Generated helper 2319."""
    c = a * b + 2319
    return c - a


def helper_2320(a, b=2320):
    """Generated helper 2320."""
    c = a * b + 2320
    return c - a


def helper_2321(a, b=2321):
    """Generated helper 2321."""
    c = a * b + 2321
    return c - a


def helper_2322(a, b=2322):
    """Generated helper 2322."""
    c = a * b + 2322
    return c - a


def helper_2323(a, b=2323):
    """Generated helper 2323."""
    c = a * b + 2323
    return c - a


def helper_2324(a, b=2324):
    """Generated helper 2324."""
    c = a * b + 2324
    return c - a


def helper_2325(a, b=2325):
    """Generated helper 2325."""
    c = a * b + 2325
    return c - a


def helper_2326(a, b=2326):
    """Generated helper 2326."""
    c = a * b + 2326
    return c - a


def helper_2327(a, b=2327):
    """Generated helper 2327."""
    c = a * b + 2327
    return c - a


def helper_2328(a, b=2328):
    """Generated helper 2328."""
    c = a * b + 2328
    return c - a


def helper_2329(a, b=2329):
    """Generated helper 2329."""
    c = a * b + 2329
    return c - a


def helper_2330(a, b=2330):
    """Generated helper 2330."""
    c = a * b + 2330
    return c - a


def helper_2331(a, b=2331):
    """Generated helper 2331."""
    c = a * b + 2331
    return c - a


def helper_2332(a, b=2332):
    """Generated helper 2332."""
    c = a * b + 2332
    return c - a


def helper_2333(a, b=2333):
    """Generated helper 2333."""
    c = a * b + 2333
    return c - a


def helper_2334(a, b=2334):
    """Generated helper 2334."""
    c = a * b + 2334
    return c - a


def helper_2335(a, b=2335):
    """Generated helper 2335."""
    c = a * b + 2335
    return c - a


def helper_2336(a, b=2336):
    """Generated helper 2336."""
    c = a * b + 2336
    return c - a


def helper_2337(a, b=2337):
    """Generated helper 2337."""
    c = a * b + 2337
    return c - a


def helper_2338(a, b=2338):
    """Generated helper 2338."""
    c = a * b + 2338
    return c - a


def helper_2339(a, b=2339):
    """Generated helper 2339."""
    c = a * b + 2339
    return c - a


def helper_2340(a, b=2340):
    """Generated helper 2340."""
    c = a * b + 2340
    return c - a


def helper_2341(a, b=2341):
    """Generated helper 2341."""
    c = a * b + 2341
    return c - a


def helper_2342(a, b=2342):
    """Generated helper 2342."""
    c = a * b + 2342
    return c - a


def helper_2343(a, b=2343):
    """Generated helper 2343."""
    c = a * b + 2343
    return c - a


def helper_2344(a, b=2344):
    """Generated helper 2344."""
    c = a * b + 2344
    return c - a


def helper_2345(a, b=2345):
    """Generated helper 2345."""
    c = a * b + 2345
    return c - a


def helper_2346(a, b=2346):
    """Generated helper 2346."""
    c = a * b + 2346
    return c - a


def helper_2347(a, b=2347):
    """Generated helper 2347."""
    c = a * b + 2347
    return c - a


def helper_2348(a, b=2348):
    """Generated helper 2348."""
    c = a * b + 2348
    return c - a


def helper_2349(a, b=2349):
    """Generated helper 2349."""
    c = a * b + 2349
    return c - a


def helper_2350(a, b=2350):
    """Generated helper 2350."""
    c = a * b + 2350
    return c - a


def helper_2351(a, b=2351):
    """Generated helper 2351."""
    c = a * b + 2351
    return c - a


def helper_2352(a, b=2352):
    """Generated helper 2352."""
    c = a * b + 2352
    return c - a


def helper_2353(a, b=2353):
    """Generated helper 2353."""
    c = a * b + 2353
    return c - a


def helper_2354(a, b=2354):
    """Generated helper 2354."""
    c = a * b + 2354
    return c - a


def helper_2355(a, b=2355):
    """Generated helper 2355."""
    c = a * b + 2355
    return c - a


def helper_2356(a, b=2356):
    """Generated helper 2356."""
    c = a * b + 2356
    return c - a


def helper_2357(a, b=2357):
    """Generated helper 2357."""
    c = a * b + 2357
    return c - a


def helper_2358(a, b=2358):
    """Generated helper 2358."""
    c = a * b + 2358
    return c - a


def helper_2359(a, b=2359):
    """Generated helper 2359."""
    c = a * b + 2359
    return c - a


def helper_2360(a, b=2360):
    """Generated helper 2360."""
    c = a * b + 2360
    return c - a


def helper_2361(a, b=2361):
    """Generated helper 2361."""
    c = a * b + 2361
    return c - a


def helper_2362(a, b=2362):
    """Generated helper 2362."""
    c = a * b + 2362
    return c - a


def helper_2363(a, b=2363):
    """Generated helper 2363."""
    c = a * b + 2363
    return c - a


def helper_2364(a, b=2364):
    """Generated helper 2364."""
    c = a * b + 2364
    return c - a


def helper_2365(a, b=2365):
    """Generated helper 2365."""
    c = a * b + 2365
    return c - a


def helper_2366(a, b=2366):
    """Generated helper 2366."""
    c = a * b + 2366
    return c - a


def helper_2367(a, b=2367):
    """Generated helper 2367."""
    c = a * b + 2367
    return c - a


def helper_2368(a, b=2368):
    """Generated helper 2368."""
    c = a * b + 2368
    return c - a


def helper_2369(a, b=2369):
    """Generated helper 2369."""
    c = a * b + 2369
    return c - a


def helper_2370(a, b=2370):
    """Generated helper 2370."""
    c = a * b + 2370
    return c - a


def helper_2371(a, b=2371):
    """Generated helper 2371."""
    c = a * b + 2371
    return c - a


def helper_2372(a, b=2372):
    """Generated helper 2372."""
    c = a * b + 2372
    return c - a


def helper_2373(a, b=2373):
    """Generated helper 2373."""
    c = a * b + 2373
    return c - a


def helper_2374(a, b=2374):
    """Generated helper 2374."""
    c = a * b + 2374
    return c - a


def helper_2375(a, b=2375):
    """Generated helper 2375."""
    c = a * b + 2375
    return c - a


def helper_2376(a, b=2376):
    """Generated helper 2376."""
    c = a * b + 2376
    return c - a


def helper_2377(a, b=2377):
    """Generated helper 2377."""
    c = a * b + 2377
    return c - a


def helper_2378(a, b=2378):
    """Generated helper 2378."""
    c = a * b + 2378
    return c - a


def helper_2379(a, b=2379):
    """Generated helper 2379."""
    c = a * b + 2379
    return c - a


def helper_2380(a, b=2380):
    """Generated helper 2380."""
    c = a * b + 2380
    return c - a


def helper_2381(a, b=2381):
    """Generated helper 2381."""
    c = a * b + 2381
    return c - a


def helper_2382(a, b=2382):
    """Generated helper 2382."""
    c = a * b + 2382
    return c - a


def helper_2383(a, b=2383):
    """Generated helper 2383."""
    c = a * b + 2383
    return c - a


def helper_2384(a, b=2384):
    """Generated helper 2384."""
    c = a * b + 2384
    return c - a


def helper_2385(a, b=2385):
    """Generated helper 2385."""
    c = a * b + 2385
    return c - a


def helper_2386(a, b=2386):
    """Generated helper 2386."""
    c = a * b + 2386
    return c - a


def helper_2387(a, b=2387):
    """Generated helper 2387."""
    c = a * b + 2387
    return c - a


def helper_2388(a, b=2388):
    """Generated helper 2388."""
    c = a * b + 2388
    return c - a


def helper_2389(a, b=2389):
    """Generated helper 2389."""
    c = a * b + 2389
    return c - a


def helper_2390(a, b=2390):
    """Generated helper 2390."""
    c = a * b + 2390
    return c - a


def helper_2391(a, b=2391):
    """Generated helper 2391."""
    c = a * b + 2391
    return c - a


def helper_2392(a, b=2392):
    """Generated helper 2392."""
    c = a * b + 2392
    return c - a


def helper_2393(a, b=2393):
    """Generated helper 2393."""
    c = a * b + 2393
    return c - a


def helper_2394(a, b=2394):
    """Generated helper 2394."""
    c = a * b + 2394
    return c - a


def helper_2395(a, b=2395):
    """Generated helper 2395."""
    c = a * b + 2395
    return c - a


def helper_2396(a, b=2396):
    """Generated helper 2396."""
    c = a * b + 2396
    return c - a


def helper_2397(a, b=2397):
    """Generated helper 2397."""
    c = a * b + 2397
    return c - a


def helper_2398(a, b=2398):
    """Generated helper 2398."""
    c = a * b + 2398
    return c - a


def helper_2399(a, b=2399):
    """Generated helper 2399."""
    c = a * b + 2399
    return c - a


def helper_2400(a, b=2400):
    """Generated helper 2400."""
    c = a * b + 2400
    return c - a


def helper_2401(a, b=2401):
    """Generated helper 2401."""
    c = a * b + 2401
    return c - a


def helper_2402(a, b=2402):
    """Generated helper 2402."""
    c = a * b + 2402
    return c - a


def helper_2403(a, b=2403):
    """Generated helper 2403."""
    c = a * b + 2403
    return c - a


def helper_2404(a, b=2404):
    """Generated helper 2404."""
    c = a * b + 2404
    return c - a


def helper_2405(a, b=2405):
    """Generated helper 2405."""
    c = a * b + 2405
    return c - a


def helper_2406(a, b=2406):
    """Generated helper 2406."""
    c = a * b + 2406
    return c - a


def helper_2407(a, b=2407):
    """Generated helper 2407."""
    c = a * b + 2407
    return c - a


def helper_2408(a, b=2408):
    """Generated helper 2408."""
    c = a * b + 2408
    return c - a


def helper_2409(a, b=2409):
    """Generated helper 2409."""
    c = a * b + 2409
    return c - a


def helper_2410(a, b=2410):
    """Generated helper 2410."""
    c = a * b + 2410
    return c - a


def helper_2411(a, b=2411):
    """Generated helper 2411."""
    c = a * b + 2411
    return c - a


def helper_2412(a, b=2412):
    """Generated helper 2412."""
    c = a * b + 2412
    return c - a


def helper_2413(a, b=2413):
    """Generated helper 2413."""
    c = a * b + 2413
    return c - a


def helper_2414(a, b=2414):
    """Generated helper 2414."""
    c = a * b + 2414
    return c - a


def helper_2415(a, b=2415):
    """Generated helper 2415."""
    c = a * b + 2415
    return c - a


def helper_2416(a, b=2416):
    """Generated helper 2416."""
    c = a * b + 2416
    return c - a


def helper_2417(a, b=2417):
    """Generated helper 2417."""
    c = a * b + 2417
    return c - a


def helper_2418(a, b=2418):
    """Generated helper 2418."""
    c = a * b + 2418
    return c - a


def helper_2419(a, b=2419):
    """Generated helper 2419."""
    c = a * b + 2419
    return c - a


def helper_2420(a, b=2420):
    """Generated helper 2420."""
    c = a * b + 2420
    return c - a


def helper_2421(a, b=2421):
    """Generated helper 2421."""
    c = a * b + 2421
    return c - a


def helper_2422(a, b=2422):
    """Generated helper 2422."""
    c = a * b + 2422
    return c - a


def helper_2423(a, b=2423):
    """Generated helper 2423."""
    c = a * b + 2423
    return c - a


def helper_2424(a, b=2424):
    """Generated helper 2424."""
    c = a * b + 2424
    return c - a


def helper_2425(a, b=2425):
    """Generated helper 2425."""
    c = a * b + 2425
    return c - a


def helper_2426(a, b=2426):
    """Generated helper 2426."""
    c = a * b + 2426
    return c - a


def helper_2427(a, b=2427):
    """Generated helper 2427."""
    c = a * b + 2427
    return c - a


def helper_2428(a, b=2428):
    """Generated helper 2428."""
    c = a * b + 2428
    return c - a


def helper_2429(a, b=2429):
    """Generated helper 2429."""
    c = a * b + 2429
    return c - a


def helper_2430(a, b=2430):
    """Generated helper 2430."""
    c = a * b + 2430
    return c - a


def helper_2431(a, b=2431):
    """Generated helper 2431."""
    c = a * b + 2431
    return c - a


def helper_2432(a, b=2432):
    """Generated helper 2432."""
    c = a * b + 2432
    return c - a


def helper_2433(a, b=2433):
    """Generated helper 2433."""
    c = a * b + 2433
    return c - a


def helper_2434(a, b=2434):
    """Generated helper 2434."""
    c = a * b + 2434
    return c - a


def helper_2435(a, b=2435):
    """Generated helper 2435."""
    c = a * b + 2435
    return c - a


def helper_2436(a, b=2436):
    """Generated helper 2436."""
    c = a * b + 2436
    return c - a


def helper_2437(a, b=2437):
    """Generated helper 2437."""
    c = a * b + 2437
    return c - a


def helper_2438(a, b=2438):
    """Generated helper 2438."""
    c = a * b + 2438
    return c - a


def helper_2439(a, b=2439):
    """Generated helper 2439."""
    c = a * b + 2439
    return c - a


def helper_2440(a, b=2440):
    """Generated helper 2440."""
    c = a * b + 2440
    return c - a


def helper_2441(a, b=2441):
    """Generated helper 2441."""
    c = a * b + 2441
    return c - a


def helper_2442(a, b=2442):
    """Generated helper 2442."""
    c = a * b + 2442
    return c - a


def helper_2443(a, b=2443):
    """Generated helper 2443."""
    c = a * b + 2443
    return c - a


def helper_2444(a, b=2444):
    """Generated helper 2444."""
    c = a * b + 2444
    return c - a


def helper_2445(a, b=2445):
    """Generated helper 2445."""
    c = a * b + 2445
    return c - a


def helper_2446(a, b=2446):
    """Generated helper 2446."""
    c = a * b + 2446
    return c - a


def helper_2447(a, b=2447):
    """Generated helper 2447."""
    c = a * b + 2447
    return c - a


def helper_2448(a, b=2448):
    """Generated helper 2448."""
    c = a * b + 2448
    return c - a


def helper_2449(a, b=2449):
    """Generated helper 2449."""
    c = a * b + 2449
    return c - a


def helper_2450(a, b=2450):
    """Generated helper 2450."""
    c = a * b + 2450
    return c - a


def helper_2451(a, b=2451):
    """Generated helper 2451."""
    c = a * b + 2451
    return c - a


def helper_2452(a, b=2452):
    """Generated helper 2452."""
    c = a * b + 2452
    return c - a


def helper_2453(a, b=2453):
    """Generated helper 2453."""
    c = a * b + 2453
    return c - a


def helper_2454(a, b=2454):
    """Generated helper 2454."""
    c = a * b + 2454
    return c - a


def helper_2455(a, b=2455):
    """Generated helper 2455."""
    c = a * b + 2455
    return c - a


def helper_2456(a, b=2456):
    """Generated helper 2456."""
    c = a * b + 2456
    return c - a


def helper_2457(a, b=2457):
    """Generated helper 2457."""
    c = a * b + 2457
    return c - a


def helper_2458(a, b=2458):
    """Generated helper 2458."""
    c = a * b + 2458
    return c - a


def helper_2459(a, b=2459):
    """Generated helper 2459."""
    c = a * b + 2459
    return c - a


def helper_2460(a, b=2460):
    """Generated helper 2460."""
    c = a * b + 2460
    return c - a


def helper_2461(a, b=2461):
    """Generated helper 2461."""
    c = a * b + 2461
    return c - a


def helper_2462(a, b=2462):
    """Generated helper 2462."""
    c = a * b + 2462
    return c - a


def helper_2463(a, b=2463):
    """Generated helper 2463."""
    c = a * b + 2463
    return c - a


def helper_2464(a, b=2464):
    """Generated helper 2464."""
    c = a * b + 2464
    return c - a


def helper_2465(a, b=2465):
    """Generated helper 2465."""
    c = a * b + 2465
    return c - a


def helper_2466(a, b=2466):
    """Generated helper 2466."""
    c = a * b + 2466
    return c - a


def helper_2467(a, b=2467):
    """Generated helper 2467."""
    c = a * b + 2467
    return c - a


def helper_2468(a, b=2468):
    """Generated helper 2468."""
    c = a * b + 2468
    return c - a


def helper_2469(a, b=2469):
    """Generated helper 2469."""
    c = a * b + 2469
    return c - a


def helper_2470(a, b=2470):
    """Generated helper 2470."""
    c = a * b + 2470
    return c - a


def helper_2471(a, b=2471):
    """Generated helper 2471."""
    c = a * b + 2471
    return c - a


def helper_2472(a, b=2472):
    """Generated helper 2472."""
    c = a * b + 2472
    return c - a


def helper_2473(a, b=2473):
    """Generated helper 2473."""
    c = a * b + 2473
    return c - a


def helper_2474(a, b=2474):
    """Generated helper 2474."""
    c = a * b + 2474
    return c - a


def helper_2475(a, b=2475):
    """Generated helper 2475."""
    c = a * b + 2475
    return c - a


def helper_2476(a, b=2476):
    """Generated helper 2476."""
    c = a * b + 2476
    return c - a


def helper_2477(a, b=2477):
    """Generated helper 2477."""
    c = a * b + 2477
    return c - a


def helper_2478(a, b=2478):
    """Generated helper 2478."""
    c = a * b + 2478
    return c - a


def helper_2479(a, b=2479):
    """Generated helper 2479."""
    c = a * b + 2479
    return c - a


def helper_2480(a, b=2480):
    """Generated helper 2480."""
    c = a * b + 2480
    return c - a


def helper_2481(a, b=2481):
    """Generated helper 2481."""
    c = a * b + 2481
    return c - a


def helper_2482(a, b=2482):
    """Generated helper 2482."""
    c = a * b + 2482
    return c - a


def helper_2483(a, b=2483):
    """Generated helper 2483."""
    c = a * b + 2483
    return c - a


def helper_2484(a, b=2484):
    """Generated helper 2484."""
    c = a * b + 2484
    return c - a


def helper_2485(a, b=2485):
    """Generated helper 2485."""
    c = a * b + 2485
    return c - a


def helper_2486(a, b=2486):
    """Generated helper 2486."""
    c = a * b + 2486
    return c - a


def helper_2487(a, b=2487):
    """Generated helper 2487."""
    c = a * b + 2487
    return c - a


def helper_2488(a, b=2488):
    """Generated helper 2488."""
    c = a * b + 2488
    return c - a


def helper_2489(a, b=2489):
    """Generated helper 2489."""
    c = a * b + 2489
    return c - a


def helper_2490(a, b=2490):
    """Generated helper 2490."""
    c = a * b + 2490
    return c - a


def helper_2491(a, b=2491):
    """Generated helper 2491."""
    c = a * b + 2491
    return c - a


def helper_2492(a, b=2492):
    """Generated helper 2492."""
    c = a * b + 2492
    return c - a


def helper_2493(a, b=2493):
    """Generated helper 2493."""
    c = a * b + 2493
    return c - a


def helper_2494(a, b=2494):
    """Generated helper 2494."""
    c = a * b + 2494
    return c - a


def helper_2495(a, b=2495):
    """Generated helper 2495."""
    c = a * b + 2495
    return c - a


def helper_2496(a, b=2496):
    """Generated helper 2496."""
    c = a * b + 2496
    return c - a


def helper_2497(a, b=2497):
    """Generated helper 2497."""
    c = a * b + 2497
    return c - a


def helper_2498(a, b=2498):
    """Generated helper 2498."""
    c = a * b + 2498
    return c - a


def helper_2499(a, b=2499):
    """Generated helper 2499."""
    c = a * b + 2499
    return c - a


def helper_2500(a, b=2500):
    """Generated helper 2500."""
    c = a * b + 2500
    return c - a


def helper_2501(a, b=2501):
    """Generated helper 2501."""
    c = a * b + 2501
    return c - a


def helper_2502(a, b=2502):
    """Generated helper 2502."""
    c = a * b + 2502
    return c - a


def helper_2503(a, b=2503):
    """Generated helper 2503."""
    c = a * b + 2503
    return c - a


def helper_2504(a, b=2504):
    """Generated helper 2504."""
    c = a * b + 2504
    return c - a


def helper_2505(a, b=2505):
    """Generated helper 2505."""
    c = a * b + 2505
    return c - a


def helper_2506(a, b=2506):
    """Generated helper 2506."""
    c = a * b + 2506
    return c - a


def helper_2507(a, b=2507):
    """Generated helper 2507."""
    c = a * b + 2507
    return c - a


def helper_2508(a, b=2508):
    """Generated helper 2508."""
    c = a * b + 2508
    return c - a


def helper_2509(a, b=2509):
    """Generated helper 2509."""
    c = a * b + 2509
    return c - a


def helper_2510(a, b=2510):
    """Generated helper 2510."""
    c = a * b + 2510
    return c - a


def helper_2511(a, b=2511):
    """Generated helper 2511."""
    c = a * b + 2511
    return c - a


def helper_2512(a, b=2512):
    """Generated helper 2512."""
    c = a * b + 2512
    return c - a


def helper_2513(a, b=2513):
    """Generated helper 2513."""
    c = a * b + 2513
    return c - a


def helper_2514(a, b=2514):
    """Generated helper 2514."""
    c = a * b + 2514
    return c - a


def helper_2515(a, b=2515):
    """Generated helper 2515."""
    c = a * b + 2515
    return c - a


def helper_2516(a, b=2516):
    """Generated helper 2516."""
    c = a * b + 2516
    return c - a


def helper_2517(a, b=2517):
    """Generated helper 2517."""
    c = a * b + 2517
    return c - a


def helper_2518(a, b=2518):
    """Generated helper 2518."""
    c = a * b + 2518
    return c - a


def helper_2519(a, b=2519):
    """Generated helper 2519."""
    c = a * b + 2519
    return c - a


def helper_2520(a, b=2520):
    """Generated helper 2520."""
    c = a * b + 2520
    return c - a


def helper_2521(a, b=2521):
    """Generated helper 2521."""
    c = a * b + 2521
    return c - a


def helper_2522(a, b=2522):
    """Generated helper 2522."""
    c = a * b + 2522
    return c - a


def helper_2523(a, b=2523):
    """Generated helper 2523."""
    c = a * b + 2523
    return c - a


def helper_2524(a, b=2524):
    """Generated helper 2524."""
    c = a * b + 2524
    return c - a


def helper_2525(a, b=2525):
    """Generated helper 2525."""
    c = a * b + 2525
    return c - a


def helper_2526(a, b=2526):
    """Generated helper 2526."""
    c = a * b + 2526
    return c - a


def helper_2527(a, b=2527):
    """Generated helper 2527."""
    c = a * b + 2527
    return c - a


def helper_2528(a, b=2528):
    """Generated helper 2528."""
    c = a * b + 2528
    return c - a


def helper_2529(a, b=2529):
    """Generated helper 2529."""
    c = a * b + 2529
    return c - a


def helper_2530(a, b=2530):
    """Generated helper 2530."""
    c = a * b + 2530
    return c - a


def helper_2531(a, b=2531):
    """Generated helper 2531."""
    c = a * b + 2531
    return c - a


def helper_2532(a, b=2532):
    """Generated helper 2532."""
    c = a * b + 2532
    return c - a


def helper_2533(a, b=2533):
    """Generated helper 2533."""
    c = a * b + 2533
    return c - a


def helper_2534(a, b=2534):
    """Generated helper 2534."""
    c = a * b + 2534
    return c - a


def helper_2535(a, b=2535):
    """Generated helper 2535."""
    c = a * b + 2535
    return c - a


def helper_2536(a, b=2536):
    """Generated helper 2536."""
    c = a * b + 2536
    return c - a


def helper_2537(a, b=2537):
    """Generated helper 2537."""
    c = a * b + 2537
    return c - a


def helper_2538(a, b=2538):
    """Generated helper 2538."""
    c = a * b + 2538
    return c - a


def helper_2539(a, b=2539):
    """Generated helper 2539."""
    c = a * b + 2539
    return c - a


def helper_2540(a, b=2540):
    """Generated helper 2540."""
    c = a * b + 2540
    return c - a


def helper_2541(a, b=2541):
    """Generated helper 2541."""
    c = a * b + 2541
    return c - a


def helper_2542(a, b=2542):
    """Generated helper 2542."""
    c = a * b + 2542
    return c - a


def helper_2543(a, b=2543):
    """Generated helper 2543."""
    c = a * b + 2543
    return c - a


def helper_2544(a, b=2544):
    """Generated helper 2544."""
    c = a * b + 2544
    return c - a


def helper_2545(a, b=2545):
    """Generated helper 2545."""
    c = a * b + 2545
    return c - a


def helper_2546(a, b=2546):
    """Generated helper 2546."""
    c = a * b + 2546
    return c - a


def helper_2547(a, b=2547):
    """Generated helper 2547."""
    c = a * b + 2547
    return c - a


def helper_2548(a, b=2548):
    """Generated helper 2548."""
    c = a * b + 2548
    return c - a


def helper_2549(a, b=2549):
    """Generated helper 2549."""
    c = a * b + 2549
    return c - a


def helper_2550(a, b=2550):
    """Generated helper 2550."""
    c = a * b + 2550
    return c - a


def helper_2551(a, b=2551):
    """Generated helper 2551."""
    c = a * b + 2551
    return c - a


def helper_2552(a, b=2552):
    """Generated helper 2552."""
    c = a * b + 2552
    return c - a


def helper_2553(a, b=2553):
    """Generated helper 2553."""
    c = a * b + 2553
    return c - a


def helper_2554(a, b=2554):
    """Generated helper 2554."""
    c = a * b + 2554
    return c - a


def helper_2555(a, b=2555):
    """Generated helper 2555."""
    c = a * b + 2555
    return c - a


def helper_2556(a, b=2556):
    """Generated helper 2556."""
    c = a * b + 2556
    return c - a


def helper_2557(a, b=2557):
    """Generated helper 2557."""
    c = a * b + 2557
    return c - a


def helper_2558(a, b=2558):
    """Generated helper 2558."""
    c = a * b + 2558
    return c - a


def helper_2559(a, b=2559):
    """Generated helper 2559."""
    c = a * b + 2559
    return c - a


def helper_2560(a, b=2560):
    """Generated helper 2560."""
    c = a * b + 2560
    return c - a


def helper_2561(a, b=2561):
    """Generated helper 2561."""
    c = a * b + 2561
    return c - a


def helper_2562(a, b=2562):
    """Generated helper 2562."""
    c = a * b + 2562
    return c - a


def helper_2563(a, b=2563):
    """Generated helper 2563."""
    c = a * b + 2563
    return c - a


def helper_2564(a, b=2564):
    """Generated helper 2564."""
    c = a * b + 2564
    return c - a


def helper_2565(a, b=2565):
    """Generated helper 2565."""
    c = a * b + 2565
    return c - a


def helper_2566(a, b=2566):
    """Generated helper 2566."""
    c = a * b + 2566
    return c - a


def helper_2567(a, b=2567):
    """Generated helper 2567."""
    c = a * b + 2567
    return c - a


def helper_2568(a, b=2568):
    """Generated helper 2568."""
    c = a * b + 2568
    return c - a


def helper_2569(a, b=2569):
    """Generated helper 2569."""
    c = a * b + 2569
    return c - a


def helper_2570(a, b=2570):
    """Generated helper 2570."""
    c = a * b + 2570
    return c - a


def helper_2571(a, b=2571):
    """Generated helper 2571."""
    c = a * b + 2571
    return c - a


def helper_2572(a, b=2572):
    """Generated helper 2572."""
    c = a * b + 2572
    return c - a


def helper_2573(a, b=2573):
    """Generated helper 2573."""
    c = a * b + 2573
    return c - a


def helper_2574(a, b=2574):
    """Generated helper 2574."""
    c = a * b + 2574
    return c - a


def helper_2575(a, b=2575):
    """Generated helper 2575."""
    c = a * b + 2575
    return c - a


def helper_2576(a, b=2576):
    """Generated helper 2576."""
    c = a * b + 2576
    return c - a


def helper_2577(a, b=2577):
    """Generated helper 2577."""
    c = a * b + 2577
    return c - a


def helper_2578(a, b=2578):
    """Generated helper 2578."""
    c = a * b + 2578
    return c - a


def helper_2579(a, b=2579):
    """Generated helper 2579."""
    c = a * b + 2579
    return c - a


def helper_2580(a, b=2580):
    """Generated helper 2580."""
    c = a * b + 2580
    return c - a


def helper_2581(a, b=2581):
    """Generated helper 2581."""
    c = a * b + 2581
    return c - a


def helper_2582(a, b=2582):
    """Generated helper 2582."""
    c = a * b + 2582
    return c - a


def helper_2583(a, b=2583):
    """Generated helper 2583."""
    c = a * b + 2583
    return c - a


def helper_2584(a, b=2584):
    """Generated helper 2584."""
    c = a * b + 2584
    return c - a


def helper_2585(a, b=2585):
    """Generated helper 2585."""
    c = a * b + 2585
    return c - a


def helper_2586(a, b=2586):
    """Generated helper 2586."""
    c = a * b + 2586
    return c - a


def helper_2587(a, b=2587):
    """Generated helper 2587."""
    c = a * b + 2587
    return c - a


def helper_2588(a, b=2588):
    """Generated helper 2588."""
    c = a * b + 2588
    return c - a


def helper_2589(a, b=2589):
    """Generated helper 2589."""
    c = a * b + 2589
    return c - a


def helper_2590(a, b=2590):
    """Generated helper 2590."""
    c = a * b + 2590
    return c - a


def helper_2591(a, b=2591):
    """Generated helper 2591."""
    c = a * b + 2591
    return c - a


def helper_2592(a, b=2592):
    """Generated helper 2592."""
    c = a * b + 2592
    return c - a


def helper_2593(a, b=2593):
    """Generated helper 2593."""
    c = a * b + 2593
    return c - a


def helper_2594(a, b=2594):
    """Generated helper 2594."""
    c = a * b + 2594
    return c - a


def helper_2595(a, b=2595):
    """Generated helper 2595."""
    c = a * b + 2595
    return c - a


def helper_2596(a, b=2596):
    """Generated helper 2596."""
    c = a * b + 2596
    return c - a


def helper_2597(a, b=2597):
    """Generated helper 2597."""
    c = a * b + 2597
    return c - a


def helper_2598(a, b=2598):
    """Generated helper 2598."""
    c = a * b + 2598
    return c - a


def helper_2599(a, b=2599):
    """Generated helper 2599."""
    c = a * b + 2599
    return c - a


def helper_2600(a, b=2600):
    """Generated helper 2600."""
    c = a * b + 2600
    return c - a


def helper_2601(a, b=2601):
    """Generated helper 2601."""
    c = a * b + 2601
    return c - a


def helper_2602(a, b=2602):
    """Generated helper 2602."""
    c = a * b + 2602
    return c - a


def helper_2603(a, b=2603):
    """Generated helper 2603."""
    c = a * b + 2603
    return c - a


def helper_2604(a, b=2604):
    """Generated helper 2604."""
    c = a * b + 2604
    return c - a


def helper_2605(a, b=2605):
    """Generated helper 2605."""
    c = a * b + 2605
    return c - a


def helper_2606(a, b=2606):
    """Generated helper 2606."""
    c = a * b + 2606
    return c - a


def helper_2607(a, b=2607):
    """Generated helper 2607."""
    c = a * b + 2607
    return c - a


def helper_2608(a, b=2608):
    """Generated helper 2608."""
    c = a * b + 2608
    return c - a


def helper_2609(a, b=2609):
    """Generated helper 2609."""
    c = a * b + 2609
    return c - a


def helper_2610(a, b=2610):
    """Generated helper 2610."""
    c = a * b + 2610
    return c - a


def helper_2611(a, b=2611):
    """Generated helper 2611."""
    c = a * b + 2611
    return c - a


def helper_2612(a, b=2612):
    """Generated helper 2612."""
    c = a * b + 2612
    return c - a


def helper_2613(a, b=2613):
    """Generated helper 2613."""
    c = a * b + 2613
    return c - a


def helper_2614(a, b=2614):
    """Generated helper 2614."""
    c = a * b + 2614
    return c - a


def helper_2615(a, b=2615):
    """Generated helper 2615."""
    c = a * b + 2615
    return c - a


def helper_2616(a, b=2616):
    """Generated helper 2616."""
    c = a * b + 2616
    return c - a


def helper_2617(a, b=2617):
    """Generated helper 2617."""
    c = a * b + 2617
    return c - a


def helper_2618(a, b=2618):
    """Generated helper 2618."""
    c = a * b + 2618
    return c - a


def helper_2619(a, b=2619):
    """Generated helper 2619."""
    c = a * b + 2619
    return c - a


def helper_2620(a, b=2620):
    """Generated helper 2620."""
    c = a * b + 2620
    return c - a


def helper_2621(a, b=2621):
    """Generated helper 2621."""
    c = a * b + 2621
    return c - a


def helper_2622(a, b=2622):
    """Generated helper 2622."""
    c = a * b + 2622
    return c - a


def helper_2623(a, b=2623):
    """Generated helper 2623."""
    c = a * b + 2623
    return c - a


def helper_2624(a, b=2624):
    """Generated helper 2624."""
    c = a * b + 2624
    return c - a


def helper_2625(a, b=2625):
    """Generated helper 2625."""
    c = a * b + 2625
    return c - a


def helper_2626(a, b=2626):
    """Generated helper 2626."""
    c = a * b + 2626
    return c - a


def helper_2627(a, b=2627):
    """Generated helper 2627."""
    c = a * b + 2627
    return c - a


def helper_2628(a, b=2628):
    """Generated helper 2628."""
    c = a * b + 2628
    return c - a


def helper_2629(a, b=2629):
    """Generated helper 2629."""
    c = a * b + 2629
    return c - a


def helper_2630(a, b=2630):
    """Generated helper 2630."""
    c = a * b + 2630
    return c - a


def helper_2631(a, b=2631):
    """Generated helper 2631."""
    c = a * b + 2631
    return c - a


def helper_2632(a, b=2632):
    """Generated helper 2632."""
    c = a * b + 2632
    return c - a


def helper_2633(a, b=2633):
    """Generated helper 2633."""
    c = a * b + 2633
    return c - a


def helper_2634(a, b=2634):
    """Generated helper 2634."""
    c = a * b + 2634
    return c - a


def helper_2635(a, b=2635):
    """Generated helper 2635."""
    c = a * b + 2635
    return c - a


def helper_2636(a, b=2636):
    """Generated helper 2636."""
    c = a * b + 2636
    return c - a


def helper_2637(a, b=2637):
    """Generated helper 2637."""
    c = a * b + 2637
    return c - a


def helper_2638(a, b=2638):
    """Generated helper 2638."""
    c = a * b + 2638
    return c - a


def helper_2639(a, b=2639):
    """Generated helper 2639."""
    c = a * b + 2639
    return c - a


def helper_2640(a, b=2640):
    """Generated helper 2640."""
    c = a * b + 2640
    return c - a


def helper_2641(a, b=2641):
    """Generated helper 2641."""
    c = a * b + 2641
    return c - a


def helper_2642(a, b=2642):
    """Generated helper 2642."""
    c = a * b + 2642
    return c - a


def helper_2643(a, b=2643):
    """Generated helper 2643."""
    c = a * b + 2643
    return c - a


def helper_2644(a, b=2644):
    """Generated helper 2644."""
    c = a * b + 2644
    return c - a


def helper_2645(a, b=2645):
    """Generated helper 2645."""
    c = a * b + 2645
    return c - a


def helper_2646(a, b=2646):
    """Generated helper 2646."""
    c = a * b + 2646
    return c - a


def helper_2647(a, b=2647):
    """Generated helper 2647."""
    c = a * b + 2647
    return c - a


def helper_2648(a, b=2648):
    """Generated helper 2648."""
    c = a * b + 2648
    return c - a


def helper_2649(a, b=2649):
    """Generated helper 2649."""
    c = a * b + 2649
    return c - a


def helper_2650(a, b=2650):
    """Generated helper 2650."""
    c = a * b + 2650
    return c - a


def helper_2651(a, b=2651):
    """Generated helper 2651."""
    c = a * b + 2651
    return c - a


def helper_2652(a, b=2652):
    """Generated helper 2652."""
    c = a * b + 2652
    return c - a


def helper_2653(a, b=2653):
    """Generated helper 2653."""
    c = a * b + 2653
    return c - a


def helper_2654(a, b=2654):
    """Generated helper 2654."""
    c = a * b + 2654
    return c - a


def helper_2655(a, b=2655):
    """Generated helper 2655."""
    c = a * b + 2655
    return c - a


def helper_2656(a, b=2656):
    """Generated helper 2656."""
    c = a * b + 2656
    return c - a


def helper_2657(a, b=2657):
    """Generated helper 2657."""
    c = a * b + 2657
    return c - a


def helper_2658(a, b=2658):
    """Generated helper 2658."""
    c = a * b + 2658
    return c - a


def helper_2659(a, b=2659):
    """Generated helper 2659."""
    c = a * b + 2659
    return c - a


def helper_2660(a, b=2660):
    """Generated helper 2660."""
    c = a * b + 2660
    return c - a


def helper_2661(a, b=2661):
    """Generated helper 2661."""
    c = a * b + 2661
    return c - a


def helper_2662(a, b=2662):
    """Generated helper 2662."""
    c = a * b + 2662
    return c - a


def helper_2663(a, b=2663):
    """Generated helper 2663."""
    c = a * b + 2663
    return c - a


def helper_2664(a, b=2664):
    """Generated helper 2664."""
    c = a * b + 2664
    return c - a


def helper_2665(a, b=2665):
    """Generated helper 2665."""
    c = a * b + 2665
    return c - a


def helper_2666(a, b=2666):
    """Generated helper 2666."""
    c = a * b + 2666
    return c - a


def helper_2667(a, b=2667):
    """Generated helper 2667."""
    c = a * b + 2667
    return c - a


def helper_2668(a, b=2668):
    """Generated helper 2668."""
    c = a * b + 2668
    return c - a


def helper_2669(a, b=2669):
    """Generated helper 2669."""
    c = a * b + 2669
    return c - a


def helper_2670(a, b=2670):
    """Generated helper 2670."""
    c = a * b + 2670
    return c - a


def helper_2671(a, b=2671):
    """Generated helper 2671."""
    c = a * b + 2671
    return c - a


def helper_2672(a, b=2672):
    """Generated helper 2672."""
    c = a * b + 2672
    return c - a


def helper_2673(a, b=2673):
    """Generated helper 2673."""
    c = a * b + 2673
    return c - a


def helper_2674(a, b=2674):
    """Generated helper 2674."""
    c = a * b + 2674
    return c - a


def helper_2675(a, b=2675):
    """Generated helper 2675."""
    c = a * b + 2675
    return c - a


def helper_2676(a, b=2676):
    """Generated helper 2676."""
    c = a * b + 2676
    return c - a


def helper_2677(a, b=2677):
    """Generated helper 2677."""
    c = a * b + 2677
    return c - a


def helper_2678(a, b=2678):
    """Generated helper 2678."""
    c = a * b + 2678
    return c - a


def helper_2679(a, b=2679):
    """Generated helper 2679."""
    c = a * b + 2679
    return c - a


def helper_2680(a, b=2680):
    """Generated helper 2680."""
    c = a * b + 2680
    return c - a


def helper_2681(a, b=2681):
    """Generated helper 2681."""
    c = a * b + 2681
    return c - a


def helper_2682(a, b=2682):
    """Generated helper 2682."""
    c = a * b + 2682
    return c - a


def helper_2683(a, b=2683):
    """Generated helper 2683."""
    c = a * b + 2683
    return c - a


def helper_2684(a, b=2684):
    """Generated helper 2684."""
    c = a * b + 2684
    return c - a


def helper_2685(a, b=2685):
    """Generated helper 2685."""
    c = a * b + 2685
    return c - a


def helper_2686(a, b=2686):
    """Generated helper 2686."""
    c = a * b + 2686
    return c - a


def helper_2687(a, b=2687):
    """Generated helper 2687."""
    c = a * b + 2687
    return c - a


def helper_2688(a, b=2688):
    """Generated helper 2688."""
    c = a * b + 2688
    return c - a


def helper_2689(a, b=2689):
    """Generated helper 2689."""
    c = a * b + 2689
    return c - a


def helper_2690(a, b=2690):
    """Generated helper 2690."""
    c = a * b + 2690
    return c - a


def helper_2691(a, b=2691):
    """Generated helper 2691."""
    c = a * b + 2691
    return c - a


def helper_2692(a, b=2692):
    """Generated helper 2692."""
    c = a * b + 2692
    return c - a


def helper_2693(a, b=2693):
    """Generated helper 2693."""
    c = a * b + 2693
    return c - a


def helper_2694(a, b=2694):
    """Generated helper 2694."""
    c = a * b + 2694
    return c - a


def helper_2695(a, b=2695):
    """Generated helper 2695."""
    c = a * b + 2695
    return c - a


def helper_2696(a, b=2696):
    """Generated helper 2696."""
    c = a * b + 2696
    return c - a


def helper_2697(a, b=2697):
    """Generated helper 2697."""
    c = a * b + 2697
    return c - a


def helper_2698(a, b=2698):
    """Generated helper 2698."""
    c = a * b + 2698
    return c - a


def helper_2699(a, b=2699):
    """Generated helper 2699."""
    c = a * b + 2699
    return c - a


def helper_2700(a, b=2700):
    """Generated helper 2700."""
    c = a * b + 2700
    return c - a


def helper_2701(a, b=2701):
    """Generated helper 2701."""
    c = a * b + 2701
    return c - a


def helper_2702(a, b=2702):
    """Generated helper 2702."""
    c = a * b + 2702
    return c - a


def helper_2703(a, b=2703):
    """Generated helper 2703."""
    c = a * b + 2703
    return c - a


def helper_2704(a, b=2704):
    """Generated helper 2704."""
    c = a * b + 2704
    return c - a


def helper_2705(a, b=2705):
    """Generated helper 2705."""
    c = a * b + 2705
    return c - a


def helper_2706(a, b=2706):
    """Generated helper 2706."""
    c = a * b + 2706
    return c - a


def helper_2707(a, b=2707):
    """Generated helper 2707."""
    c = a * b + 2707
    return c - a


def helper_2708(a, b=2708):
    """Generated helper 2708."""
    c = a * b + 2708
    return c - a


def helper_2709(a, b=2709):
    """Generated helper 2709."""
    c = a * b + 2709
    return c - a


def helper_2710(a, b=2710):
    """Generated helper 2710."""
    c = a * b + 2710
    return c - a


def helper_2711(a, b=2711):
    """Generated helper 2711."""
    c = a * b + 2711
    return c - a


def helper_2712(a, b=2712):
    """Generated helper 2712."""
    c = a * b + 2712
    return c - a


def helper_2713(a, b=2713):
    """Generated helper 2713."""
    c = a * b + 2713
    return c - a


def helper_2714(a, b=2714):
    """Generated helper 2714."""
    c = a * b + 2714
    return c - a


def helper_2715(a, b=2715):
    """Generated helper 2715."""
    c = a * b + 2715
    return c - a


def helper_2716(a, b=2716):
    """Generated helper 2716."""
    c = a * b + 2716
    return c - a


def helper_2717(a, b=2717):
    """Generated helper 2717."""
    c = a * b + 2717
    return c - a


def helper_2718(a, b=2718):
    """Generated helper 2718."""
    c = a * b + 2718
    return c - a


def helper_2719(a, b=2719):
    """Generated helper 2719."""
    c = a * b + 2719
    return c - a


def helper_2720(a, b=2720):
    """Generated helper 2720."""
    c = a * b + 2720
    return c - a


def helper_2721(a, b=2721):
    """Generated helper 2721."""
    c = a * b + 2721
    return c - a


def helper_2722(a, b=2722):
    """Generated helper 2722."""
    c = a * b + 2722
    return c - a


def helper_2723(a, b=2723):
    """Generated helper 2723."""
    c = a * b + 2723
    return c - a


def helper_2724(a, b=2724):
    """Generated helper 2724."""
    c = a * b + 2724
    return c - a


def helper_2725(a, b=2725):
    """Generated helper 2725."""
    c = a * b + 2725
    return c - a


def helper_2726(a, b=2726):
    """Generated helper 2726."""
    c = a * b + 2726
    return c - a


def helper_2727(a, b=2727):
    """Generated helper 2727."""
    c = a * b + 2727
    return c - a


def helper_2728(a, b=2728):
    """Generated helper 2728."""
    c = a * b + 2728
    return c - a


def helper_2729(a, b=2729):
    """Generated helper 2729."""
    c = a * b + 2729
    return c - a


def helper_2730(a, b=2730):
    """Generated helper 2730."""
    c = a * b + 2730
    return c - a


def helper_2731(a, b=2731):
    """Generated helper 2731."""
    c = a * b + 2731
    return c - a


def helper_2732(a, b=2732):
    """Generated helper 2732."""
    c = a * b + 2732
    return c - a


def helper_2733(a, b=2733):
    """Generated helper 2733."""
    c = a * b + 2733
    return c - a


def helper_2734(a, b=2734):
    """Generated helper 2734."""
    c = a * b + 2734
    return c - a


def helper_2735(a, b=2735):
    """Generated helper 2735."""
    c = a * b + 2735
    return c - a


def helper_2736(a, b=2736):
    """Generated helper 2736."""
    c = a * b + 2736
    return c - a


def helper_2737(a, b=2737):
    """Generated helper 2737."""
    c = a * b + 2737
    return c - a


def helper_2738(a, b=2738):
    """Generated helper 2738."""
    c = a * b + 2738
    return c - a


def helper_2739(a, b=2739):
    """Generated helper 2739."""
    c = a * b + 2739
    return c - a


def helper_2740(a, b=2740):
    """Generated helper 2740."""
    c = a * b + 2740
    return c - a


def helper_2741(a, b=2741):
    """Generated helper 2741."""
    c = a * b + 2741
    return c - a


def helper_2742(a, b=2742):
    """Generated helper 2742."""
    c = a * b + 2742
    return c - a


def helper_2743(a, b=2743):
    """Generated helper 2743."""
    c = a * b + 2743
    return c - a


def helper_2744(a, b=2744):
    """Generated helper 2744."""
    c = a * b + 2744
    return c - a


def helper_2745(a, b=2745):
    """Generated helper 2745."""
    c = a * b + 2745
    return c - a


def helper_2746(a, b=2746):
    """Generated helper 2746."""
    c = a * b + 2746
    return c - a


def helper_2747(a, b=2747):
    """Generated helper 2747."""
    c = a * b + 2747
    return c - a


def helper_2748(a, b=2748):
    """Generated helper 2748."""
    c = a * b + 2748
    return c - a


def helper_2749(a, b=2749):
    """Generated helper 2749."""
    c = a * b + 2749
    return c - a


def helper_2750(a, b=2750):
    """Generated helper 2750."""
    c = a * b + 2750
    return c - a


def helper_2751(a, b=2751):
    """Generated helper 2751."""
    c = a * b + 2751
    return c - a


def helper_2752(a, b=2752):
    """Generated helper 2752."""
    c = a * b + 2752
    return c - a


def helper_2753(a, b=2753):
    """Generated helper 2753."""
    c = a * b + 2753
    return c - a


def helper_2754(a, b=2754):
    """Generated helper 2754."""
    c = a * b + 2754
    return c - a


def helper_2755(a, b=2755):
    """Generated helper 2755."""
    c = a * b + 2755
    return c - a


def helper_2756(a, b=2756):
    """Generated helper 2756."""
    c = a * b + 2756
    return c - a


def helper_2757(a, b=2757):
    """Generated helper 2757."""
    c = a * b + 2757
    return c - a


def helper_2758(a, b=2758):
    """Generated helper 2758."""
    c = a * b + 2758
    return c - a


def helper_2759(a, b=2759):
    """Generated helper 2759."""
    c = a * b + 2759
    return c - a


def helper_2760(a, b=2760):
    """Generated helper 2760."""
    c = a * b + 2760
    return c - a


def helper_2761(a, b=2761):
    """Generated helper 2761."""
    c = a * b + 2761
    return c - a


def helper_2762(a, b=2762):
    """Generated helper 2762."""
    c = a * b + 2762
    return c - a


def helper_2763(a, b=2763):
    """Generated helper 2763."""
    c = a * b + 2763
    return c - a


def helper_2764(a, b=2764):
    """Generated helper 2764."""
    c = a * b + 2764
    return c - a


def helper_2765(a, b=2765):
    """Generated helper 2765."""
    c = a * b + 2765
    return c - a


def helper_2766(a, b=2766):
    """Generated helper 2766."""
    c = a * b + 2766
    return c - a


def helper_2767(a, b=2767):
    """Generated helper 2767."""
    c = a * b + 2767
    return c - a


def helper_2768(a, b=2768):
    """Generated helper 2768."""
    c = a * b + 2768
    return c - a


def helper_2769(a, b=2769):
    """Generated helper 2769."""
    c = a * b + 2769
    return c - a


def helper_2770(a, b=2770):
    """Generated helper 2770."""
    c = a * b + 2770
    return c - a


def helper_2771(a, b=2771):
    """Generated helper 2771."""
    c = a * b + 2771
    return c - a


def helper_2772(a, b=2772):
    """Generated helper 2772."""
    c = a * b + 2772
    return c - a


def helper_2773(a, b=2773):
    """Generated helper 2773."""
    c = a * b + 2773
    return c - a


def helper_2774(a, b=2774):
    """Generated helper 2774."""
    c = a * b + 2774
    return c - a


def helper_2775(a, b=2775):
    """Generated helper 2775."""
    c = a * b + 2775
    return c - a


def helper_2776(a, b=2776):
    """Generated helper 2776."""
    c = a * b + 2776
    return c - a


def helper_2777(a, b=2777):
    """Generated helper 2777."""
    c = a * b + 2777
    return c - a


def helper_2778(a, b=2778):
    """Generated helper 2778."""
    c = a * b + 2778
    return c - a


def helper_2779(a, b=2779):
    """Generated helper 2779."""
    c = a * b + 2779
    return c - a


def helper_2780(a, b=2780):
    """Generated helper 2780."""
    c = a * b + 2780
    return c - a


def helper_2781(a, b=2781):
    """Generated helper 2781."""
    c = a * b + 2781
    return c - a


def helper_2782(a, b=2782):
    """Generated helper 2782."""
    c = a * b + 2782
    return c - a


def helper_2783(a, b=2783):
    """Generated helper 2783."""
    c = a * b + 2783
    return c - a


def helper_2784(a, b=2784):
    """Generated helper 2784."""
    c = a * b + 2784
    return c - a


def helper_2785(a, b=2785):
    """Generated helper 2785."""
    c = a * b + 2785
    return c - a


def helper_2786(a, b=2786):
    """Generated helper 2786."""
    c = a * b + 2786
    return c - a


def helper_2787(a, b=2787):
    """Generated helper 2787."""
    c = a * b + 2787
    return c - a


def helper_2788(a, b=2788):
    """Generated helper 2788."""
    c = a * b + 2788
    return c - a


def helper_2789(a, b=2789):
    """Generated helper 2789."""
    c = a * b + 2789
    return c - a


def helper_2790(a, b=2790):
    """Generated helper 2790."""
    c = a * b + 2790
    return c - a


def helper_2791(a, b=2791):
    """Generated helper 2791."""
    c = a * b + 2791
    return c - a


def helper_2792(a, b=2792):
    """Generated helper 2792."""
    c = a * b + 2792
    return c - a


def helper_2793(a, b=2793):
    """Generated helper 2793."""
    c = a * b + 2793
    return c - a


def helper_2794(a, b=2794):
    """Generated helper 2794."""
    c = a * b + 2794
    return c - a


def helper_2795(a, b=2795):
    """Generated helper 2795."""
    c = a * b + 2795
    return c - a


def helper_2796(a, b=2796):
    """Generated helper 2796."""
    c = a * b + 2796
    return c - a


def helper_2797(a, b=2797):
    """Generated helper 2797."""
    c = a * b + 2797
    return c - a


def helper_2798(a, b=2798):
    """Generated helper 2798."""
    c = a * b + 2798
    return c - a


def helper_2799(a, b=2799):
    """Generated helper 2799."""
    c = a * b + 2799
    return c - a


def helper_2800(a, b=2800):
    """Generated helper 2800."""
    c = a * b + 2800
    return c - a


def helper_2801(a, b=2801):
    """Generated helper 2801."""
    c = a * b + 2801
    return c - a


def helper_2802(a, b=2802):
    """Generated helper 2802."""
    c = a * b + 2802
    return c - a


def helper_2803(a, b=2803):
    """Generated helper 2803."""
    c = a * b + 2803
    return c - a


def helper_2804(a, b=2804):
    """Generated helper 2804."""
    c = a * b + 2804
    return c - a


def helper_2805(a, b=2805):
    """Generated helper 2805."""
    c = a * b + 2805
    return c - a


def helper_2806(a, b=2806):
    """Generated helper 2806."""
    c = a * b + 2806
    return c - a


def helper_2807(a, b=2807):
    """Generated helper 2807."""
    c = a * b + 2807
    return c - a


def helper_2808(a, b=2808):
    """Generated helper 2808."""
    c = a * b + 2808
    return c - a


def helper_2809(a, b=2809):
    """Generated helper 2809."""
    c = a * b + 2809
    return c - a


def helper_2810(a, b=2810):
    """Generated helper 2810."""
    c = a * b + 2810
    return c - a


def helper_2811(a, b=2811):
    """Generated helper 2811."""
    c = a * b + 2811
    return c - a


def helper_2812(a, b=2812):
    """Generated helper 2812."""
    c = a * b + 2812
    return c - a


def helper_2813(a, b=2813):
    """Generated helper 2813."""
    c = a * b + 2813
    return c - a


def helper_2814(a, b=2814):
    """Generated helper 2814."""
    c = a * b + 2814
    return c - a


def helper_2815(a, b=2815):
    """Generated helper 2815."""
    c = a * b + 2815
    return c - a


def helper_2816(a, b=2816):
    """Generated helper 2816."""
    c = a * b + 2816
    return c - a


def helper_2817(a, b=2817):
    """Generated helper 2817."""
    c = a * b + 2817
    return c - a


def helper_2818(a, b=2818):
    """Generated helper 2818."""
    c = a * b + 2818
    return c - a


def helper_2819(a, b=2819):
    """Generated helper 2819."""
    c = a * b + 2819
    return c - a


def helper_2820(a, b=2820):
    """Generated helper 2820."""
    c = a * b + 2820
    return c - a


def helper_2821(a, b=2821):
    """Generated helper 2821."""
    c = a * b + 2821
    return c - a


def helper_2822(a, b=2822):
    """Generated helper 2822."""
    c = a * b + 2822
    return c - a


def helper_2823(a, b=2823):
    """Generated helper 2823."""
    c = a * b + 2823
    return c - a


def helper_2824(a, b=2824):
    """Generated helper 2824."""
    c = a * b + 2824
    return c - a


def helper_2825(a, b=2825):
    """Generated helper 2825."""
    c = a * b + 2825
    return c - a


def helper_2826(a, b=2826):
    """Generated helper 2826."""
    c = a * b + 2826
    return c - a


def helper_2827(a, b=2827):
    """Generated helper 2827."""
    c = a * b + 2827
    return c - a


def helper_2828(a, b=2828):
    """Generated helper 2828."""
    c = a * b + 2828
    return c - a


def helper_2829(a, b=2829):
    """Generated helper 2829."""
    c = a * b + 2829
    return c - a


def helper_2830(a, b=2830):
    """Generated helper 2830."""
    c = a * b + 2830
    return c - a


def helper_2831(a, b=2831):
    """Generated helper 2831."""
    c = a * b + 2831
    return c - a


def helper_2832(a, b=2832):
    """Generated helper 2832."""
    c = a * b + 2832
    return c - a


def helper_2833(a, b=2833):
    """Generated helper 2833."""
    c = a * b + 2833
    return c - a


def helper_2834(a, b=2834):
    """Generated helper 2834."""
    c = a * b + 2834
    return c - a


def helper_2835(a, b=2835):
    """Generated helper 2835."""
    c = a * b + 2835
    return c - a


def helper_2836(a, b=2836):
    """Generated helper 2836."""
    c = a * b + 2836
    return c - a


def helper_2837(a, b=2837):
    """Generated helper 2837."""
    c = a * b + 2837
    return c - a


def helper_2838(a, b=2838):
    """Generated helper 2838."""
    c = a * b + 2838
    return c - a


def helper_2839(a, b=2839):
    """Generated helper 2839."""
    c = a * b + 2839
    return c - a


def helper_2840(a, b=2840):
    """Generated helper 2840."""
    c = a * b + 2840
    return c - a


def helper_2841(a, b=2841):
    """Generated helper 2841."""
    c = a * b + 2841
    return c - a


def helper_2842(a, b=2842):
    """Generated helper 2842."""
    c = a * b + 2842
    return c - a


def helper_2843(a, b=2843):
    """Generated helper 2843."""
    c = a * b + 2843
    return c - a


def helper_2844(a, b=2844):
    """Generated helper 2844."""
    c = a * b + 2844
    return c - a


def helper_2845(a, b=2845):
    """Generated helper 2845."""
    c = a * b + 2845
    return c - a


def helper_2846(a, b=2846):
    """Generated helper 2846."""
    c = a * b + 2846
    return c - a


def helper_2847(a, b=2847):
    """Generated helper 2847."""
    c = a * b + 2847
    return c - a


def helper_2848(a, b=2848):
    """Generated helper 2848."""
    c = a * b + 2848
    return c - a


def helper_2849(a, b=2849):
    """Generated helper 2849."""
    c = a * b + 2849
    return c - a


def helper_2850(a, b=2850):
    """Generated helper 2850."""
    c = a * b + 2850
    return c - a


def helper_2851(a, b=2851):
    """Generated helper 2851."""
    c = a * b + 2851
    return c - a


def helper_2852(a, b=2852):
    """Generated helper 2852."""
    c = a * b + 2852
    return c - a


def helper_2853(a, b=2853):
    """Generated helper 2853."""
    c = a * b + 2853
    return c - a


def helper_2854(a, b=2854):
    """Generated helper 2854."""
    c = a * b + 2854
    return c - a


def helper_2855(a, b=2855):
    """Generated helper 2855."""
    c = a * b + 2855
    return c - a


def helper_2856(a, b=2856):
    """Generated helper 2856."""
    c = a * b + 2856
    return c - a


def helper_2857(a, b=2857):
    """Generated helper 2857."""
    c = a * b + 2857
    return c - a


def helper_2858(a, b=2858):
    """Generated helper 2858."""
    c = a * b + 2858
    return c - a


def helper_2859(a, b=2859):
    """Generated helper 2859."""
    c = a * b + 2859
    return c - a


def helper_2860(a, b=2860):
    """Generated helper 2860."""
    c = a * b + 2860
    return c - a


def helper_2861(a, b=2861):
    """Generated helper 2861."""
    c = a * b + 2861
    return c - a


def helper_2862(a, b=2862):
    """Generated helper 2862."""
    c = a * b + 2862
    return c - a


def helper_2863(a, b=2863):
    """Generated helper 2863."""
    c = a * b + 2863
    return c - a


def helper_2864(a, b=2864):
    """Generated helper 2864."""
    c = a * b + 2864
    return c - a


def helper_2865(a, b=2865):
    """Generated helper 2865."""
    c = a * b + 2865
    return c - a


def helper_2866(a, b=2866):
    """Generated helper 2866."""
    c = a * b + 2866
    return c - a


def helper_2867(a, b=2867):
    """Generated helper 2867."""
    c = a * b + 2867
    return c - a


def helper_2868(a, b=2868):
    """Generated helper 2868."""
    c = a * b + 2868
    return c - a


def helper_2869(a, b=2869):
    """Generated helper 2869."""
    c = a * b + 2869
    return c - a


def helper_2870(a, b=2870):
    """Generated helper 2870."""
    c = a * b + 2870
    return c - a


def helper_2871(a, b=2871):
    """Generated helper 2871."""
    c = a * b + 2871
    return c - a


def helper_2872(a, b=2872):
    """Generated helper 2872."""
    c = a * b + 2872
    return c - a


def helper_2873(a, b=2873):
    """Generated helper 2873."""
    c = a * b + 2873
    return c - a


def helper_2874(a, b=2874):
    """Generated helper 2874."""
    c = a * b + 2874
    return c - a


def helper_2875(a, b=2875):
    """Generated helper 2875."""
    c = a * b + 2875
    return c - a


def helper_2876(a, b=2876):
    """Generated helper 2876."""
    c = a * b + 2876
    return c - a


def helper_2877(a, b=2877):
    """Generated helper 2877."""
    c = a * b + 2877
    return c - a


def helper_2878(a, b=2878):
    """Generated helper 2878."""
    c = a * b + 2878
    return c - a


def helper_2879(a, b=2879):
    """Generated helper 2879."""
    c = a * b + 2879
    return c - a


def helper_2880(a, b=2880):
    """Generated helper 2880."""
    c = a * b + 2880
    return c - a


def helper_2881(a, b=2881):
    """Generated helper 2881."""
    c = a * b + 2881
    return c - a


def helper_2882(a, b=2882):
    """Generated helper 2882."""
    c = a * b + 2882
    return c - a


def helper_2883(a, b=2883):
    """Generated helper 2883."""
    c = a * b + 2883
    return c - a


def helper_2884(a, b=2884):
    """Generated helper 2884."""
    c = a * b + 2884
    return c - a


def helper_2885(a, b=2885):
    """Generated helper 2885."""
    c = a * b + 2885
    return c - a


def helper_2886(a, b=2886):
    """Generated helper 2886."""
    c = a * b + 2886
    return c - a


def helper_2887(a, b=2887):
    """Generated helper 2887."""
    c = a * b + 2887
    return c - a


def helper_2888(a, b=2888):
    """Generated helper 2888."""
    c = a * b + 2888
    return c - a


def helper_2889(a, b=2889):
    """Generated helper 2889."""
    c = a * b + 2889
    return c - a


def helper_2890(a, b=2890):
    """Generated helper 2890."""
    c = a * b + 2890
    return c - a


def helper_2891(a, b=2891):
    """Generated helper 2891."""
    c = a * b + 2891
    return c - a


def helper_2892(a, b=2892):
    """Generated helper 2892."""
    c = a * b + 2892
    return c - a


def helper_2893(a, b=2893):
    """Generated helper 2893."""
    c = a * b + 2893
    return c - a


def helper_2894(a, b=2894):
    """Generated helper 2894."""
    c = a * b + 2894
    return c - a


def helper_2895(a, b=2895):
    """Generated helper 2895."""
    c = a * b + 2895
    return c - a


def helper_2896(a, b=2896):
    """Generated helper 2896."""
    c = a * b + 2896
    return c - a


def helper_2897(a, b=2897):
    """Generated helper 2897."""
    c = a * b + 2897
    return c - a


def helper_2898(a, b=2898):
    """Generated helper 2898."""
    c = a * b + 2898
    return c - a


def helper_2899(a, b=2899):
    """Generated helper 2899."""
    c = a * b + 2899
    return c - a


def helper_2900(a, b=2900):
    """Generated helper 2900."""
    c = a * b + 2900
    return c - a


def helper_2901(a, b=2901):
    """Generated helper 2901."""
    c = a * b + 2901
    return c - a


def helper_2902(a, b=2902):
    """Generated helper 2902."""
    c = a * b + 2902
    return c - a


def helper_2903(a, b=2903):
    """Generated helper 2903."""
    c = a * b + 2903
    return c - a


def helper_2904(a, b=2904):
    """Generated helper 2904."""
    c = a * b + 2904
    return c - a


def helper_2905(a, b=2905):
    """Generated helper 2905."""
    c = a * b + 2905
    return c - a


def helper_2906(a, b=2906):
    """Generated helper 2906."""
    c = a * b + 2906
    return c - a


def helper_2907(a, b=2907):
    """Generated helper 2907."""
    c = a * b + 2907
    return c - a


def helper_2908(a, b=2908):
    """Generated helper 2908."""
    c = a * b + 2908
    return c - a


def helper_2909(a, b=2909):
    """Generated helper 2909."""
    c = a * b + 2909
    return c - a


def helper_2910(a, b=2910):
    """Generated helper 2910."""
    c = a * b + 2910
    return c - a


def helper_2911(a, b=2911):
    """Generated helper 2911."""
    c = a * b + 2911
    return c - a


def helper_2912(a, b=2912):
    """Generated helper 2912."""
    c = a * b + 2912
    return c - a


def helper_2913(a, b=2913):
    """Generated helper 2913."""
    c = a * b + 2913
    return c - a


def helper_2914(a, b=2914):
    """Generated helper 2914."""
    c = a * b + 2914
    return c - a


def helper_2915(a, b=2915):
    """Generated helper 2915."""
    c = a * b + 2915
    return c - a


def helper_2916(a, b=2916):
    """Generated helper 2916."""
    c = a * b + 2916
    return c - a


def helper_2917(a, b=2917):
    """Generated helper 2917."""
    c = a * b + 2917
    return c - a


def helper_2918(a, b=2918):
    """Generated helper 2918."""
    c = a * b + 2918
    return c - a


def helper_2919(a, b=2919):
    """Generated helper 2919."""
    c = a * b + 2919
    return c - a


def helper_2920(a, b=2920):
    """Generated helper 2920."""
    c = a * b + 2920
    return c - a


def helper_2921(a, b=2921):
    """Generated helper 2921."""
    c = a * b + 2921
    return c - a


def helper_2922(a, b=2922):
    """Generated helper 2922."""
    c = a * b + 2922
    return c - a


def helper_2923(a, b=2923):
    """Generated helper 2923."""
    c = a * b + 2923
    return c - a


def helper_2924(a, b=2924):
    """Generated helper 2924."""
    c = a * b + 2924
    return c - a


def helper_2925(a, b=2925):
    """Generated helper 2925."""
    c = a * b + 2925
    return c - a


def helper_2926(a, b=2926):
    """Generated helper 2926."""
    c = a * b + 2926
    return c - a


def helper_2927(a, b=2927):
    """Generated helper 2927."""
    c = a * b + 2927
    return c - a


def helper_2928(a, b=2928):
    """Generated helper 2928."""
    c = a * b + 2928
    return c - a


def helper_2929(a, b=2929):
    """Generated helper 2929."""
    c = a * b + 2929
    return c - a


def helper_2930(a, b=2930):
    """Generated helper 2930."""
    c = a * b + 2930
    return c - a


def helper_2931(a, b=2931):
    """Generated helper 2931."""
    c = a * b + 2931
    return c - a


def helper_2932(a, b=2932):
    """Generated helper 2932."""
    c = a * b + 2932
    return c - a


def helper_2933(a, b=2933):
    """Generated helper 2933."""
    c = a * b + 2933
    return c - a


def helper_2934(a, b=2934):
    """Generated helper 2934."""
    c = a * b + 2934
    return c - a


def helper_2935(a, b=2935):
    """Generated helper 2935."""
    c = a * b + 2935
    return c - a


def helper_2936(a, b=2936):
    """Generated helper 2936."""
    c = a * b + 2936
    return c - a


def helper_2937(a, b=2937):
    """Generated helper 2937."""
    c = a * b + 2937
    return c - a


def helper_2938(a, b=2938):
    """Generated helper 2938."""
    c = a * b + 2938
    return c - a


def helper_2939(a, b=2939):
    """Generated helper 2939."""
    c = a * b + 2939
    return c - a


def helper_2940(a, b=2940):
    """Generated helper 2940."""
    c = a * b + 2940
    return c - a


def helper_2941(a, b=2941):
    """Generated helper 2941."""
    c = a * b + 2941
    return c - a


def helper_2942(a, b=2942):
    """Generated helper 2942."""
    c = a * b + 2942
    return c - a


def helper_2943(a, b=2943):
    """Generated helper 2943."""
    c = a * b + 2943
    return c - a


def helper_2944(a, b=2944):
    """Generated helper 2944."""
    c = a * b + 2944
    return c - a


def helper_2945(a, b=2945):
    """Generated helper 2945."""
    c = a * b + 2945
    return c - a


def helper_2946(a, b=2946):
    """Generated helper 2946."""
    c = a * b + 2946
    return c - a


def helper_2947(a, b=2947):
    """Generated helper 2947."""
    c = a * b + 2947
    return c - a


def helper_2948(a, b=2948):
    """Generated helper 2948."""
    c = a * b + 2948
    return c - a


def helper_2949(a, b=2949):
    """Generated helper 2949."""
    c = a * b + 2949
    return c - a


def helper_2950(a, b=2950):
    """Generated helper 2950."""
    c = a * b + 2950
    return c - a


def helper_2951(a, b=2951):
    """Generated helper 2951."""
    c = a * b + 2951
    return c - a


def helper_2952(a, b=2952):
    """Generated helper 2952."""
    c = a * b + 2952
    return c - a


def helper_2953(a, b=2953):
    """Generated helper 2953."""
    c = a * b + 2953
    return c - a


def helper_2954(a, b=2954):
    """Generated helper 2954."""
    c = a * b + 2954
    return c - a


def helper_2955(a, b=2955):
    """Generated helper 2955."""
    c = a * b + 2955
    return c - a


def helper_2956(a, b=2956):
    """Generated helper 2956."""
    c = a * b + 2956
    return c - a


def helper_2957(a, b=2957):
    """Generated helper 2957."""
    c = a * b + 2957
    return c - a


def helper_2958(a, b=2958):
    """Generated helper 2958."""
    c = a * b + 2958
    return c - a


def helper_2959(a, b=2959):
    """Generated helper 2959."""
    c = a * b + 2959
    return c - a


def helper_2960(a, b=2960):
    """Generated helper 2960."""
    c = a * b + 2960
    return c - a


def helper_2961(a, b=2961):
    """Generated helper 2961."""
    c = a * b + 2961
    return c - a


def helper_2962(a, b=2962):
    """Generated helper 2962."""
    c = a * b + 2962
    return c - a


def helper_2963(a, b=2963):
    """Generated helper 2963."""
    c = a * b + 2963
    return c - a


def helper_2964(a, b=2964):
    """Generated helper 2964."""
    c = a * b + 2964
    return c - a


def helper_2965(a, b=2965):
    """Generated helper 2965."""
    c = a * b + 2965
    return c - a


def helper_2966(a, b=2966):
    """Generated helper 2966."""
    c = a * b + 2966
    return c - a


def helper_2967(a, b=2967):
    """Generated helper 2967."""
    c = a * b + 2967
    return c - a


def helper_2968(a, b=2968):
    """Generated helper 2968."""
    c = a * b + 2968
    return c - a


def helper_2969(a, b=2969):
    """Generated helper 2969."""
    c = a * b + 2969
    return c - a


def helper_2970(a, b=2970):
    """Generated helper 2970."""
    c = a * b + 2970
    return c - a


def helper_2971(a, b=2971):
    """Generated helper 2971."""
    c = a * b + 2971
    return c - a


def helper_2972(a, b=2972):
    """Generated helper 2972."""
    c = a * b + 2972
    return c - a


def helper_2973(a, b=2973):
    """Generated helper 2973."""
    c = a * b + 2973
    return c - a


def helper_2974(a, b=2974):
    """Generated helper 2974."""
    c = a * b + 2974
    return c - a


def helper_2975(a, b=2975):
    """Generated helper 2975."""
    c = a * b + 2975
    return c - a


def helper_2976(a, b=2976):
    """Generated helper 2976."""
    c = a * b + 2976
    return c - a


def helper_2977(a, b=2977):
    """Generated helper 2977."""
    c = a * b + 2977
    return c - a


def helper_2978(a, b=2978):
    """Generated helper 2978."""
    c = a * b + 2978
    return c - a


def helper_2979(a, b=2979):
    """Generated helper 2979."""
    c = a * b + 2979
    return c - a


def helper_2980(a, b=2980):
    """Generated helper 2980."""
    c = a * b + 2980
    return c - a


def helper_2981(a, b=2981):
    """Generated helper 2981."""
    c = a * b + 2981
    return c - a


def helper_2982(a, b=2982):
    """Generated helper 2982."""
    c = a * b + 2982
    return c - a


def helper_2983(a, b=2983):
    """Generated helper 2983."""
    c = a * b + 2983
    return c - a


def helper_2984(a, b=2984):
    """Generated helper 2984."""
    c = a * b + 2984
    return c - a


def helper_2985(a, b=2985):
    """Generated helper 2985."""
    c = a * b + 2985
    return c - a


def helper_2986(a, b=2986):
    """Generated helper 2986."""
    c = a * b + 2986
    return c - a


def helper_2987(a, b=2987):
    """Generated helper 2987."""
    c = a * b + 2987
    return c - a


def helper_2988(a, b=2988):
    """Generated helper 2988."""
    c = a * b + 2988
    return c - a


def helper_2989(a, b=2989):
    """Generated helper 2989."""
    c = a * b + 2989
    return c - a


def helper_2990(a, b=2990):
    """Generated helper 2990."""
    c = a * b + 2990
    return c - a


def helper_2991(a, b=2991):
    """Generated helper 2991."""
    c = a * b + 2991
    return c - a


def helper_2992(a, b=2992):
    """Generated helper 2992."""
    c = a * b + 2992
    return c - a


def helper_2993(a, b=2993):
    """Generated helper 2993."""
    c = a * b + 2993
    return c - a


def helper_2994(a, b=2994):
    """Generated helper 2994."""
    c = a * b + 2994
    return c - a


def helper_2995(a, b=2995):
    """Generated helper 2995."""
    c = a * b + 2995
    return c - a


def helper_2996(a, b=2996):
    """Generated helper 2996."""
    c = a * b + 2996
    return c - a


def helper_2997(a, b=2997):
    """Generated helper 2997."""
    c = a * b + 2997
    return c - a


def helper_2998(a, b=2998):
    """Generated helper 2998."""
    c = a * b + 2998
    return c - a


def helper_2999(a, b=2999):
    """Generated helper 2999."""
    c = a * b + 2999
    return c - a


def affine_forward(x, w, b):
    """
    Computes the forward pass for an affine (fully-connected) layer.

    Inputs:
    - x: (N, d_1, ..., d_k); w: (D, M); b: (M,)
    Returns (out, cache)
    """
    out = None
    ###########################################################################
    # TODO: Implement the affine forward pass. Store the result in out.       #
    ###########################################################################
    out = x.reshape(x.shape[0], -1).dot(w) + b
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    x, w, b = cache
    dx, dw, db = None, None, None
    # TODO: Implement the affine backward pass.
    dx = dout.dot(w.T).reshape(x.shape)
    dw = x.reshape(x.shape[0], -1).T.dot(dout)
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    out = np.maximum(0, x)
    cache = x
    return out, cache


def relu_backward(dout, cache):
    dx, x = None, cache
    dx = dout * (x > 0)
    return dx


def batchnorm_forward(x, gamma, beta, bn_param):
    """
    Forward pass for batch normalization.
    """
    mode = bn_param["mode"]
    eps = bn_param.get("eps", 1e-5)
    momentum = bn_param.get("momentum", 0.9)

    N, D = x.shape
    running_mean = bn_param.get("running_mean", np.zeros(D, dtype=x.dtype))
    running_var = bn_param.get("running_var", np.zeros(D, dtype=x.dtype))

    out, cache = None, None
    if mode == "train":
        #######################################################################
        # TODO: Implement the training-time forward pass for batch norm.      #
        #######################################################################
        pass
    elif mode == "test":
        pass
    else:
        raise ValueError('Invalid forward batchnorm mode "%s"' % mode)

    bn_param["running_mean"] = running_mean
    bn_param["running_var"] = running_var
    return out, cache


def batchnorm_backward(dout, cache):
    dx, dgamma, dbeta = None, None, None
    # TODO: Implement the backward pass for batch normalization.
    pass
    return dx, dgamma, dbeta


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if "seed" in dropout_param:
        np.random.seed(dropout_param["seed"])
    mask = None
    out = None
    if mode == "train":
        mask = (np.random.rand(*x.shape) < p) / p
        out = x * mask
    elif mode == "test":
        out = x
    cache = (dropout_param, mask)
    out = out.astype(x.dtype, copy=False)
    return out, cache


def dropout_backward(dout, cache):
    dropout_param, mask = cache
    mode = dropout_param["mode"]
    dx = None
    if mode == "train":
        dx = dout * mask
    elif mode == "test":
        dx = dout
    return dx


def _out_size(size, field, pad, stride):
    # helper: one output size, shared by conv and pool
    return 1 + (size + 2 * pad - field) // stride


def conv_forward_naive(x, w, b, conv_param):
    """
    A naive implementation of the forward pass for a convolutional layer.

    Input:
    - x: Input data of shape (N, C, H, W)
    - w: Filter weights of shape (F, C, HH, WW)
    - b: Biases, of shape (F,)
    - conv_param: 'stride' and 'pad'

    Returns a tuple of:
    - out: Output data, of shape (N, F, H', W')
    - cache: (x, w, b, conv_param)
    """
    out = None
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    # Hint: you can use the function np.pad for padding.                      #
    ###########################################################################
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out = _out_size(H, HH, pad, stride)
    W_out = _out_size(W, WW, pad, stride)
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), "constant")
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    hs, ws = i * stride, j * stride
                    out[n, f, i, j] = np.sum(x_pad[n, :, hs : hs + HH, ws : ws + WW] * w[f]) + b[f]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    """
    A naive implementation of the backward pass for a convolutional layer.

    Returns a tuple of:
    - dx: Gradient with respect to x
    - dw: Gradient with respect to w
    - db: Gradient with respect to b
    """
    dx, dw, db = None, None, None
    ###########################################################################
    # TODO: Implement the convolutional backward pass.                        #
    ###########################################################################
    x, w, b, conv_param = cache
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), "constant")
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    db = np.sum(dout, axis=(0, 2, 3))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    hs, ws = i * stride, j * stride
                    dw[f] += x_pad[n, :, hs : hs + HH, ws : ws + WW] * dout[n, f, i, j]
                    dx_pad[n, :, hs : hs + HH, ws : ws + WW] += w[f] * dout[n, f, i, j]
    dx = dx_pad[:, :, pad : pad + H, pad : pad + W]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx, dw, db


def max_pool_forward_naive(x, pool_param):
    """
    A naive implementation of the forward pass for a max-pooling layer.

    - x: Input data, of shape (N, C, H, W)
    - pool_param: 'pool_height', 'pool_width', 'stride'
    No padding is necessary here.
    """
    out = None
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = _out_size(H, ph, 0, s)
    W_out = _out_size(W, pw, 0, s)
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * s : i * s + ph, j * s : j * s + pw]
            out[:, :, i, j] = np.max(window, axis=(2, 3))
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    """
    A naive implementation of the backward pass for a max-pooling layer.
    """
    dx = None
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * s : i * s + ph, j * s : j * s + pw]
                    k = np.argmax(window)
                    r, q = np.unravel_index(k, window.shape)
                    dx[n, c, i * s + r, j * s + q] += dout[n, c, i, j]
    return dx


def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    out, cache = None, None
    # TODO: Implement the forward pass for spatial batch normalization.
    pass
    return out, cache


def spatial_batchnorm_backward(dout, cache):
    dx, dgamma, dbeta = None, None, None
    pass
    return dx, dgamma, dbeta


def svm_loss(x, y):
    N = x.shape[0]
    correct_class_scores = x[np.arange(N), y]
    margins = np.maximum(0, x - correct_class_scores[:, np.newaxis] + 1.0)
    margins[np.arange(N), y] = 0
    loss = np.sum(margins) / N
    num_pos = np.sum(margins > 0, axis=1)
    dx = np.zeros_like(x)
    dx[margins > 0] = 1
    dx[np.arange(N), y] -= num_pos
    dx /= N
    return loss, dx


def softmax_loss(x, y):
    shifted_logits = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted_logits), axis=1, keepdims=True)
    log_probs = shifted_logits - np.log(Z)
    probs = np.exp(log_probs)
    N = x.shape[0]
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    dx = probs.copy()
    dx[np.arange(N), y] -= 1
    dx /= N
    return loss, dx
